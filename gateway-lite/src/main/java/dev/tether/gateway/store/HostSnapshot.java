package dev.tether.gateway.store;

import java.util.List;

/**
 * The whole content of one push, validated and rendered: every family at most once. Immutable.
 *
 * @param bytes the size of the rendered sample lines, what the host costs in memory
 */
public record HostSnapshot(List<RenderedFamily> families, int series, long bytes) {
    public static final HostSnapshot EMPTY = new HostSnapshot(List.of(), 0, 0);

    public HostSnapshot {
        families = List.copyOf(families);
    }

    /** Builds a snapshot, summing series and bytes. */
    public static HostSnapshot of(List<RenderedFamily> families) {
        int series = 0;
        long bytes = 0;
        for (RenderedFamily f : families) {
            series += f.series();
            bytes += f.samples().length;
        }
        return new HostSnapshot(families, series, bytes);
    }
}
