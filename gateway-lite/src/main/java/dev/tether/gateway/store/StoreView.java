package dev.tether.gateway.store;

import java.time.Instant;
import java.util.List;

/**
 * The store's hosts as read at one instant, sorted by host name. Use {@code now} for every state
 * decision about these records, so one scrape or listing is consistent with itself.
 */
public record StoreView(Instant now, List<HostRecord> records) {
    public StoreView {
        records = List.copyOf(records);
    }
}
