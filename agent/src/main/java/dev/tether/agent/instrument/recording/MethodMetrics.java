package dev.tether.agent.instrument.recording;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Histogram;

import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code method_seconds{class, method, outcome}} for the methods chosen by {@code methods=}. The label
 * values are constants of the instrumented code, bounded by the code the patterns match (not by
 * {@code max.label.values}: they do not come from traffic). Each series is looked up through two maps of
 * those constants, so a call allocates nothing once its series exists.
 */
final class MethodMetrics {
    private static final String[] OUTCOMES = {"success", "error"};

    private final Histogram histogram;
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Histogram.Child[]>> byClass =
            new ConcurrentHashMap<String, ConcurrentHashMap<String, Histogram.Child[]>>();

    MethodMetrics(CollectorRegistry registry) {
        histogram = Histogram.build().name("method_seconds")
                .help("Calls of the methods chosen by methods=, by class, method and outcome ('error' when an exception escaped).")
                .labelNames("class", "method", "outcome").register(registry);
    }

    void record(String type, String method, boolean error, double seconds) {
        ConcurrentHashMap<String, Histogram.Child[]> byMethod = byClass.get(type);
        if (byMethod == null) {
            byClass.putIfAbsent(type, new ConcurrentHashMap<String, Histogram.Child[]>());
            byMethod = byClass.get(type);
        }
        Histogram.Child[] children = byMethod.get(method);
        if (children == null) {
            byMethod.putIfAbsent(method, new Histogram.Child[OUTCOMES.length]);
            children = byMethod.get(method);
        }
        int outcome = error ? 1 : 0;
        Histogram.Child child = children[outcome];
        if (child == null) {
            // Racing threads get the same child from the histogram; only the series' first call gets here.
            child = histogram.labels(type, method, OUTCOMES[outcome]);
            children[outcome] = child;
        }
        child.observe(seconds);
    }
}
