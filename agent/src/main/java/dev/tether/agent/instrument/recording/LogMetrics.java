package dev.tether.agent.instrument.recording;

import dev.tether.agent.bootstrap.TetherBridge;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;

import java.lang.reflect.Method;

/** {@code log_events_total{level,logger_framework}}: level names lower-cased from a fixed set, so the label is bounded. */
final class LogMetrics {
    private static final String[] FRAMEWORKS = {"jul", "logback", "log4j"};
    private static final String[] LEVELS = {"fatal", "error", "severe", "warn", "warning", "info", "config", "debug", "fine", "finer", "finest", "trace"};

    private final Counter events;
    private volatile Method logbackGetLevel;

    LogMetrics(CollectorRegistry registry) {
        events = Counter.build().name("log_events_total").help("Log events that passed their logger's level, by level and framework.")
                .labelNames("level", "logger_framework").register(registry);
    }

    void record(int framework, Object level) throws ReflectiveOperationException {
        Object name = framework == TetherBridge.LOG_LOGBACK ? logbackLevel(level) : level;
        events.labels(level(String.valueOf(name)), FRAMEWORKS[framework]).inc();
    }

    /** {@code ILoggingEvent.getLevel()}, looked up once. */
    private Object logbackLevel(Object event) throws ReflectiveOperationException {
        Method m = logbackGetLevel;
        if (m == null) {
            m = Class.forName("ch.qos.logback.classic.spi.ILoggingEvent", false, event.getClass().getClassLoader()).getMethod("getLevel");
            logbackGetLevel = m;
        }
        return m.invoke(event);
    }

    static String level(String name) {
        for (String l : LEVELS) {
            if (l.equalsIgnoreCase(name)) {
                return l;
            }
        }
        return LabelLimiter.OTHER;
    }
}
