package dev.tether.tray.ui.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * At most one notification per gap. What comes in between is counted, and once the gap has passed one
 * summary says how many changes there were and where things stand now: a summary, never a flood.
 */
public final class NotificationThrottle {
    public static final Duration DEFAULT_GAP = Duration.ofMinutes(1);

    private final Duration gap;
    private Instant lastSent;
    private int suppressed;

    public NotificationThrottle(Duration gap) {
        this.gap = gap;
    }

    /** Returns the notification if it may be shown now; otherwise it is counted for the summary. */
    public Optional<Notification> offer(Notification n, Instant now) {
        if (allowed(now)) {
            lastSent = now;
            suppressed = 0;
            return Optional.of(n);
        }
        suppressed++;
        return Optional.empty();
    }

    /** The summary of what was held back, once the gap has passed; {@code currentText} says where things stand. */
    public Optional<Notification> due(Instant now, String currentText) {
        if (suppressed == 0 || !allowed(now)) {
            return Optional.empty();
        }
        Notification summary = new Notification("Tether",
                suppressed + (suppressed == 1 ? " change" : " changes") + " since the last notice. Now: " + currentText);
        lastSent = now;
        suppressed = 0;
        return Optional.of(summary);
    }

    private boolean allowed(Instant now) {
        return lastSent == null || !Duration.between(lastSent, now).minus(gap).isNegative();
    }
}
