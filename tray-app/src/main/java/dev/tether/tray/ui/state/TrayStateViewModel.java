package dev.tether.tray.ui.state;

import dev.tether.tray.status.TrayStatus;
import dev.tether.tray.status.TrayStatus.Overall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the core's statuses into what the tray shows, with debounce: a new state is shown only once
 * it has held for the debounce window (by default one interval, so a state seen in one cycle and gone
 * in the next never flips the icon). Pause and resume are the user's own doing and show at once; so
 * does the very first state. Also decides the desktop notifications (offline, back online), through
 * a {@link NotificationThrottle}. Confined to one thread (the FX thread in the app); no JavaFX types.
 */
public final class TrayStateViewModel {
    private final Clock clock;
    private final NotificationThrottle notifications;
    private Duration debounce;

    private TrayStatus latest;
    private Overall shown;
    private Overall pending;
    private Instant pendingSince;
    private TrayPresentation presentation = TrayPresentation.starting();

    public TrayStateViewModel(Clock clock, Duration debounce, NotificationThrottle notifications) {
        this.clock = Objects.requireNonNull(clock);
        this.debounce = Objects.requireNonNull(debounce);
        this.notifications = Objects.requireNonNull(notifications);
    }

    /** The debounce for an interval: the interval itself, within 1 s .. 15 s. */
    public static Duration debounceFor(Duration interval) {
        Duration min = Duration.ofSeconds(1);
        Duration max = Duration.ofSeconds(15);
        return interval.compareTo(min) < 0 ? min : interval.compareTo(max) > 0 ? max : interval;
    }

    public void setDebounce(Duration debounce) {
        this.debounce = Objects.requireNonNull(debounce);
    }

    /** A new status from the core. Returns the notification to show, if any. */
    public Optional<Notification> update(TrayStatus status) {
        latest = Objects.requireNonNull(status);
        return evaluate();
    }

    /** Called every second or so: a pending state may now be due, and "2 s ago" moves on. */
    public Optional<Notification> tick() {
        if (latest == null) {
            return Optional.empty();
        }
        return evaluate();
    }

    public TrayPresentation presentation() {
        return presentation;
    }

    /** The state shown now, or null before the first status. */
    public Overall shown() {
        return shown;
    }

    private Optional<Notification> evaluate() {
        Instant now = clock.instant();
        Overall raw = latest.overall();
        Overall before = shown;
        if (shown == null || raw == Overall.PAUSED || shown == Overall.PAUSED) {
            shown = raw;
            pending = null;
        } else if (raw == shown) {
            pending = null;
        } else if (raw != pending) {
            pending = raw;
            pendingSince = now;
        }
        if (pending != null && !Duration.between(pendingSince, now).minus(debounce).isNegative()) {
            shown = pending;
            pending = null;
        }
        presentation = new TrayPresentation(shown, StatusText.describe(shown, latest, now),
                latest.paused() ? TrayPresentation.RESUME : TrayPresentation.PAUSE, latest.paused());
        Optional<Notification> n = Optional.empty();
        if (before != null && before != shown) {
            if (shown == Overall.OFFLINE) {
                n = notifications.offer(new Notification("Tether is offline", presentation.text()), now);
            } else if (before == Overall.OFFLINE) {
                n = notifications.offer(new Notification("Tether is back online", presentation.text()), now);
            }
        }
        if (n.isEmpty()) {
            n = notifications.due(now, presentation.text());
        }
        return n;
    }
}
