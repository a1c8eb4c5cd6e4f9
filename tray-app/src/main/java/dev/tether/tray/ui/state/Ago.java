package dev.tether.tray.ui.state;

import java.time.Duration;
import java.time.Instant;

/** "2 s ago", "3 min ago": how the UI says when something last happened. */
public final class Ago {
    private Ago() {
    }

    /** {@code "never"} for null. */
    public static String since(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        long s = Math.max(0, Duration.between(then, now).getSeconds());
        if (s < 60) {
            return s + " s ago";
        }
        if (s < 3600) {
            return s / 60 + " min ago";
        }
        if (s < 86400) {
            return s / 3600 + " h ago";
        }
        return s / 86400 + " d ago";
    }
}
