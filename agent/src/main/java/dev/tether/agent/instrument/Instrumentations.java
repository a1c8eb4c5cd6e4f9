package dev.tether.agent.instrument;

import dev.tether.agent.config.AgentOptions;
import dev.tether.agent.config.MethodPattern;
import dev.tether.agent.instrument.executors.ExecutorsModule;
import dev.tether.agent.instrument.httpclient.HttpClientModule;
import dev.tether.agent.instrument.httpserver.HttpServerModule;
import dev.tether.agent.instrument.jdbc.JdbcModule;
import dev.tether.agent.instrument.logging.LoggingModule;
import dev.tether.agent.instrument.methods.MethodsModule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The automatic instrumentations the {@code instrument} option can name. */
public final class Instrumentations {
    private static final String[] NAMES = {"http-server", "http-client", "jdbc", "executors", "logging", "methods"};

    private Instrumentations() {
    }

    public static String[] names() {
        return NAMES.clone();
    }

    /** The modules {@code options} selects, {@code methods} with its patterns. Loads no Byte Buddy class. */
    static List<InstrumentationModule> modules(AgentOptions options) {
        return modules(options.instrument(), options.methods());
    }

    /** The modules named in {@code selected}, in a fixed order. */
    private static List<InstrumentationModule> modules(Set<String> selected, List<MethodPattern> methods) {
        List<InstrumentationModule> all = Arrays.<InstrumentationModule>asList(new HttpServerModule(), new HttpClientModule(), new JdbcModule(),
                new ExecutorsModule(), new LoggingModule(), new MethodsModule(methods));
        List<InstrumentationModule> chosen = new ArrayList<InstrumentationModule>();
        for (InstrumentationModule m : all) {
            if (selected.contains(m.name())) {
                chosen.add(m);
            }
        }
        return chosen;
    }
}
