package dev.tether.tray.status;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * One gateway as the tray sees it, immutable.
 *
 * @param lastPushAt when a snapshot was last accepted, or null
 * @param lastAttemptAt when the last request (push or pause) ended, or null
 * @param latency of the last request, or null
 * @param bytes gzip'd size of the last snapshot sent
 * @param series series in the last snapshot sent
 * @param lastStatus HTTP status of the last answer, 0 when there was none (unreachable)
 * @param error the last error, null when the last request succeeded
 * @param nextAttemptAt when a retry is due while backing off, or null
 */
public record GatewayStatus(URI url, State state, Instant lastPushAt, Instant lastAttemptAt, Duration latency,
        long bytes, int series, int lastStatus, String error, int consecutiveFailures, Instant nextAttemptAt) {

    /** What the UI shows for a gateway. */
    public enum State {
        /** Nothing sent yet. */
        PENDING,
        /** The last push was accepted. */
        OK,
        /** Paused, and the gateway knows. */
        PAUSED,
        /** Unreachable or 5xx: backing off. */
        RETRYING,
        /** 401/403. */
        AUTH_REFUSED,
        /** 400/413 and other 4xx: the snapshot was refused. */
        REJECTED
    }

    public static GatewayStatus pending(URI url) {
        return new GatewayStatus(url, State.PENDING, null, null, null, 0, 0, 0, null, 0, null);
    }
}
