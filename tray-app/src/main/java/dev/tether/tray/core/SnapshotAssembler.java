package dev.tether.tray.core;

import dev.tether.protocol.TetherVersion;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.tray.label.Snapshot;
import dev.tether.tray.label.SnapshotBuilder;
import dev.tether.tray.label.TargetLabeller;
import dev.tether.tray.scrape.ScrapeResult;

import java.util.List;

/**
 * Turns one cycle's scrape results into the host snapshot: the tray's own names reserved first,
 * then each target's labelled families in order (so the earlier target wins a type conflict), then
 * the per-target and tray samples.
 */
final class SnapshotAssembler {
    private SnapshotAssembler() {
    }

    /**
     * @param seriesPerTarget series each result contributed, in the results' order
     * @param typeConflictsTotal the running total, this cycle's conflicts included
     */
    record Result(Snapshot snapshot, int[] seriesPerTarget, long typeConflictsTotal) {
    }

    static Result assemble(List<ScrapeResult> results, String host, List<SelfMetrics.GatewayCounts> gateways,
            long typeConflictsBefore) {
        SnapshotBuilder b = new SnapshotBuilder();
        for (MetricFamily f : SelfMetrics.reservations()) {
            b.add(f, SelfMetrics.TRAY_JOB);
        }
        int[] series = new int[results.size()];
        for (int i = 0; i < results.size(); i++) {
            ScrapeResult r = results.get(i);
            if (r.up()) {
                series[i] = b.addAll(TargetLabeller.label(r.families(), r.target().job(), r.target().instance()),
                        r.target().id());
            }
        }
        long conflicts = typeConflictsBefore + b.conflictCount();
        for (int i = 0; i < results.size(); i++) {
            ScrapeResult r = results.get(i);
            b.addAll(SelfMetrics.perTarget(r.target(), r.up(), r.duration(), series[i]), SelfMetrics.TRAY_JOB);
        }
        b.addAll(SelfMetrics.tray(host, TetherVersion.get(), gateways, conflicts, results.size()), SelfMetrics.TRAY_JOB);
        return new Result(b.build(), series, conflicts);
    }
}
