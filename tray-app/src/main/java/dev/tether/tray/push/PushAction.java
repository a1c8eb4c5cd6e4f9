package dev.tether.tray.push;

import java.time.Duration;

/** What a gateway should be told next; only the latest one matters. */
public sealed interface PushAction permits PushAction.Put, PushAction.Pause {
    String host();

    Duration ttl();

    /** The bearer token, or null. */
    String token();

    /** Replace the host's snapshot. */
    record Put(String host, EncodedSnapshot snapshot, Duration ttl, String token) implements PushAction {
    }

    /** Pause the host for {@code ttl} (sent when pausing, then every interval as the paused heartbeat). */
    record Pause(String host, Duration ttl, String token) implements PushAction {
    }
}
