package dev.tether.tray.ui.state;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationThrottleTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void offer_floodWithinGap_oneShownThenOneSummary() {
        NotificationThrottle t = new NotificationThrottle(Duration.ofMinutes(1));
        Notification off = new Notification("Tether is offline", "x");
        Notification on = new Notification("Tether is back online", "y");
        assertThat(t.offer(off, T0)).contains(off);
        for (int i = 1; i <= 10; i++) {
            assertThat(t.offer(i % 2 == 0 ? off : on, T0.plusSeconds(i))).isEmpty();
            assertThat(t.due(T0.plusSeconds(i), "now")).isEmpty();
        }
        assertThat(t.due(T0.plusSeconds(60), "All good")).map(Notification::text)
                .contains("10 changes since the last notice. Now: All good");
        assertThat(t.due(T0.plusSeconds(200), "All good")).isEmpty();
    }

    @Test
    void offer_afterGap_shownAtOnce() {
        NotificationThrottle t = new NotificationThrottle(Duration.ofMinutes(1));
        Notification n = new Notification("a", "b");
        assertThat(t.offer(n, T0)).isPresent();
        assertThat(t.offer(n, T0.plusSeconds(61))).isPresent();
    }
}
