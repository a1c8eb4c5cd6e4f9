package dev.tether.tray.label;

import dev.tether.protocol.model.MetricFamily;

import java.util.List;

/**
 * One host snapshot, ready to write: families with unique names, samples with unique
 * name and labels, no timestamps. Immutable.
 *
 * @param conflicts the families dropped while merging, this cycle
 * @param duplicates samples dropped because the same series came twice
 */
public record Snapshot(List<MetricFamily> families, int series, List<TypeConflict> conflicts, int duplicates) {
    public Snapshot {
        families = List.copyOf(families);
        conflicts = List.copyOf(conflicts);
    }
}
