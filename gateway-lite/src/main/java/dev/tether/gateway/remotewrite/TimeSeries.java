package dev.tether.gateway.remotewrite;

/**
 * One remote-write series with one sample.
 *
 * @param labels names and values, alternating, sorted by name, {@code __name__} included
 * @param valueBits the sample value as raw IEEE 754 bits, so the stale-marker NaN keeps its payload
 * @param timestampMillis milliseconds since the epoch
 */
record TimeSeries(String[] labels, long valueBits, long timestampMillis) {
    /** Prometheus's stale marker: a NaN that means "this series ended here". */
    static final long STALE_NAN_BITS = 0x7ff0000000000002L;

    boolean stale() {
        return valueBits == STALE_NAN_BITS;
    }

    double value() {
        return Double.longBitsToDouble(valueBits);
    }
}
