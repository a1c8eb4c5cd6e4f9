package dev.tether.agent.it;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.exporter.common.TextFormat;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

import java.io.StringWriter;

/** What an app that ships its own simpleclient 0.x and Byte Buddy does with them, next to the agent. */
final class ConflictingLibraries {
    private ConflictingLibraries() {
    }

    static void use() throws Exception {
        Counter orders = Counter.build().name("app_orders_total").help("Orders the app took.").register();
        orders.inc();
        StringWriter text = new StringWriter();
        TextFormat.write004(text, CollectorRegistry.defaultRegistry.metricFamilySamples());
        System.out.println("app-simpleclient " + CollectorRegistry.class.getProtectionDomain().getCodeSource().getLocation());
        for (String line : text.toString().split("\n")) {
            if (line.startsWith("app_orders_total")) {
                System.out.println("app-metric " + line);
            }
        }

        Object greeter = new ByteBuddy()
                .subclass(Object.class)
                .method(ElementMatchers.named("toString"))
                .intercept(FixedValue.value("made by the app's Byte Buddy"))
                .make()
                .load(ConflictingLibraries.class.getClassLoader())
                .getLoaded()
                .getDeclaredConstructor()
                .newInstance();
        System.out.println("app-bytebuddy " + ByteBuddy.class.getProtectionDomain().getCodeSource().getLocation() + " " + greeter);
    }
}
