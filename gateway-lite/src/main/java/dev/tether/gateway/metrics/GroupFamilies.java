package dev.tether.gateway.metrics;

import dev.tether.gateway.store.GroupRecord;
import dev.tether.gateway.store.GroupView;
import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.MetricType;
import dev.tether.protocol.model.Sample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The series the gateway writes for each Pushgateway group, computed from one {@link GroupView}:
 * {@code push_time_seconds} and {@code push_failure_time_seconds} (as the Pushgateway writes them,
 * 0 when there was none) while the group serves series, and {@code tether_group_up} (1, or 0 for the
 * retention after its TTL ran out). Empty when there are no groups.
 */
public final class GroupFamilies {
    private GroupFamilies() {
    }

    /** The labels of a group's series: its grouping labels, and {@code instance=""} when it has none, as in the Pushgateway. */
    public static Labels seriesLabels(Labels key) {
        return key.contains("instance") ? key : key.with("instance", "");
    }

    /** The families, in the text 0.0.4 convention. */
    public static List<MetricFamily> of(GroupView view) {
        if (view.groups().isEmpty()) {
            return List.of();
        }
        List<Sample> pushTimes = new ArrayList<>();
        List<Sample> failureTimes = new ArrayList<>();
        List<Sample> up = new ArrayList<>();
        for (GroupRecord g : view.groups()) {
            boolean live = g.liveSnapshot(view.now()) != null;
            up.add(new Sample("tether_group_up", g.key(), live ? 1 : 0));
            if (live) {
                Labels labels = seriesLabels(g.key());
                pushTimes.add(new Sample("push_time_seconds", labels, seconds(g.pushTime())));
                failureTimes.add(new Sample("push_failure_time_seconds", labels, seconds(g.failureTime())));
            }
        }
        List<MetricFamily> out = new ArrayList<>();
        out.add(new MetricFamily("push_time_seconds", MetricType.GAUGE,
                "Last Unix time when changing this group in the Pushgateway succeeded.", pushTimes));
        out.add(new MetricFamily("push_failure_time_seconds", MetricType.GAUGE,
                "Last Unix time when changing this group in the Pushgateway failed.", failureTimes));
        out.add(new MetricFamily("tether_group_up", MetricType.GAUGE,
                "1 while the Pushgateway group's series are served, 0 after its TTL ran out (kept for the retention).", up));
        return out;
    }

    private static double seconds(Instant t) {
        return t == null ? 0 : t.toEpochMilli() / 1000.0;
    }
}
