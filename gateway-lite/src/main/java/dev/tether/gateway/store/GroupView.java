package dev.tether.gateway.store;

import java.time.Instant;
import java.util.List;

/**
 * The Pushgateway groups as read at one instant, sorted by key. Use {@code now} for every decision
 * about these records.
 */
public record GroupView(Instant now, List<GroupRecord> groups) {
    public GroupView {
        groups = List.copyOf(groups);
    }
}
