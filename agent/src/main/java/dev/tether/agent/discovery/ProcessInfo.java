package dev.tether.agent.discovery;

import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.lang.reflect.Method;
import java.time.Instant;

/** This JVM's pid and start time, on Java 8 as on 9+. */
public final class ProcessInfo {
    private ProcessInfo() {
    }

    public static long pid() {
        try {
            // ProcessHandle is Java 9+; the agent is compiled for 8.
            Class<?> handle = Class.forName("java.lang.ProcessHandle");
            Object current = handle.getMethod("current").invoke(null);
            Method pid = handle.getMethod("pid");
            return (Long) pid.invoke(current);
        } catch (ReflectiveOperationException | RuntimeException e) {
            String name = ManagementFactory.getRuntimeMXBean().getName();
            return Long.parseLong(name.substring(0, name.indexOf('@')));
        }
    }

    public static Instant jvmStartTime() {
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        return Instant.ofEpochMilli(runtime.getStartTime());
    }
}
