package dev.tether.tray.core;

import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.MetricType;
import dev.tether.protocol.model.Sample;
import dev.tether.protocol.push.PushProtocol;
import dev.tether.tray.discovery.Target;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The families the tray adds itself: one sample per target for {@code tether_target_*}, and the
 * tray's own counters, labelled {@code job="tether-tray", instance=<host>}.
 */
final class SelfMetrics {
    static final String TRAY_JOB = "tether-tray";

    static final String TARGET_UP = "tether_target_up";
    static final String TARGET_SCRAPE_DURATION = "tether_target_scrape_duration_seconds";
    static final String TARGET_SERIES = "tether_target_series";
    static final String PUSH_FAILURES = "tether_tray_push_failures_total";
    static final String PUSHES = "tether_tray_pushes_total";
    static final String TYPE_CONFLICTS = "tether_tray_type_conflicts_total";
    static final String TARGETS = "tether_tray_targets";
    static final String INFO = "tether_tray_info";

    private SelfMetrics() {
    }

    /** Empty families that claim the names and types before any target is merged, so targets cannot take them. */
    static List<MetricFamily> reservations() {
        List<MetricFamily> out = new ArrayList<>();
        out.add(gauge(TARGET_UP, "1 if the tray's last scrape of the target worked, 0 if not", List.of()));
        out.add(gauge(TARGET_SCRAPE_DURATION, "How long the tray's last scrape of the target took", List.of()));
        out.add(gauge(TARGET_SERIES, "Series the target contributed to the pushed snapshot", List.of()));
        out.add(counter(PUSH_FAILURES, "Push or pause requests to a gateway that failed", List.of()));
        out.add(counter(PUSHES, "Snapshots a gateway accepted", List.of()));
        out.add(counter(TYPE_CONFLICTS, "Families dropped because an earlier target gave the name another type", List.of()));
        out.add(gauge(TARGETS, "Targets the tray knows, alive or dead", List.of()));
        out.add(gauge(INFO, "The tray's version", List.of()));
        return out;
    }

    static List<MetricFamily> perTarget(Target t, boolean up, Duration scrape, int series) {
        Labels l = Labels.of(PushProtocol.JOB_LABEL, t.job(), PushProtocol.INSTANCE_LABEL, t.instance());
        return List.of(
                gauge(TARGET_UP, null, List.of(new Sample(TARGET_UP, l, up ? 1 : 0))),
                gauge(TARGET_SCRAPE_DURATION, null, List.of(new Sample(TARGET_SCRAPE_DURATION, l, scrape.toNanos() / 1e9))),
                gauge(TARGET_SERIES, null, List.of(new Sample(TARGET_SERIES, l, series))));
    }

    /** The tray's own samples. */
    static List<MetricFamily> tray(String host, String version, List<GatewayCounts> gateways, long typeConflicts, int targets) {
        Labels base = Labels.of(PushProtocol.JOB_LABEL, TRAY_JOB, PushProtocol.INSTANCE_LABEL, host);
        List<Sample> failures = new ArrayList<>();
        List<Sample> pushes = new ArrayList<>();
        for (GatewayCounts g : gateways) {
            Labels l = base.with("gateway", g.url());
            failures.add(new Sample(PUSH_FAILURES, l, g.failures()));
            pushes.add(new Sample(PUSHES, l, g.pushes()));
        }
        return List.of(
                counter(PUSH_FAILURES, null, failures),
                counter(PUSHES, null, pushes),
                counter(TYPE_CONFLICTS, null, List.of(new Sample(TYPE_CONFLICTS, base, typeConflicts))),
                gauge(TARGETS, null, List.of(new Sample(TARGETS, base, targets))),
                gauge(INFO, null, List.of(new Sample(INFO, base.with("version", version), 1))));
    }

    /** A gateway's counters, as of this cycle. */
    record GatewayCounts(String url, long failures, long pushes) {
    }

    private static MetricFamily gauge(String name, String help, List<Sample> samples) {
        return new MetricFamily(name, MetricType.GAUGE, help, samples);
    }

    private static MetricFamily counter(String name, String help, List<Sample> samples) {
        return new MetricFamily(name, MetricType.COUNTER, help, samples);
    }
}
