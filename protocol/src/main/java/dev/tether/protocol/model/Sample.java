package dev.tether.protocol.model;

import java.util.Objects;

/**
 * One sample line: its full name (such as {@code http_requests_seconds_bucket}), its labels, its
 * value and an optional timestamp in milliseconds. Callers that must refuse timestamps (the
 * gateway does) check {@link #hasTimestamp()}.
 */
public final class Sample {
    /** The timestamp of a sample that has none. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private final String name;
    private final Labels labels;
    private final double value;
    private final long timestampMillis;

    public Sample(String name, Labels labels, double value, long timestampMillis) {
        this.name = Objects.requireNonNull(name, "name");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.value = value;
        this.timestampMillis = timestampMillis;
    }

    public Sample(String name, Labels labels, double value) {
        this(name, labels, value, NO_TIMESTAMP);
    }

    public String name() {
        return name;
    }

    public Labels labels() {
        return labels;
    }

    public double value() {
        return value;
    }

    public boolean hasTimestamp() {
        return timestampMillis != NO_TIMESTAMP;
    }

    /** Milliseconds since the epoch, or {@link #NO_TIMESTAMP}. */
    public long timestampMillis() {
        return timestampMillis;
    }

    public Sample withoutTimestamp() {
        return hasTimestamp() ? new Sample(name, labels, value) : this;
    }

    public Sample withLabels(Labels newLabels) {
        return newLabels == labels ? this : new Sample(name, newLabels, value, timestampMillis);
    }

    public Sample withName(String newName) {
        return newName.equals(name) ? this : new Sample(newName, labels, value, timestampMillis);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Sample)) {
            return false;
        }
        Sample s = (Sample) o;
        // Bitwise compare, so that NaN equals NaN and a round trip through text is an identity.
        return Double.doubleToLongBits(value) == Double.doubleToLongBits(s.value)
                && timestampMillis == s.timestampMillis && name.equals(s.name) && labels.equals(s.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, labels, Double.doubleToLongBits(value), timestampMillis);
    }

    @Override
    public String toString() {
        return name + labels + " " + value + (hasTimestamp() ? " " + timestampMillis : "");
    }
}
