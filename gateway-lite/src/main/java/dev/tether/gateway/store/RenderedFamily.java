package dev.tether.gateway.store;

import dev.tether.protocol.model.MetricType;

import java.util.Objects;

/**
 * One family of one host, in the text 0.0.4 convention, with its sample lines already rendered as
 * UTF-8 (the {@code host} label included). A scrape copies these bytes instead of formatting every
 * sample again; the lines are the same in text 0.0.4 and OpenMetrics because timestamps and
 * exemplars are never stored. Immutable; do not modify the array.
 *
 * @param help the HELP text or {@code null}
 * @param unit the OpenMetrics UNIT or {@code null}
 * @param series how many sample lines {@code samples} holds
 */
public record RenderedFamily(String name, MetricType type, String help, String unit, int series, byte[] samples) {
    public RenderedFamily {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(samples, "samples");
    }
}
