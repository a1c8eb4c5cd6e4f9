package dev.tether.tray.headless;

import dev.tether.tray.log.TrayLog;

/**
 * {@code SIGUSR2} toggles pause, so that {@code kill -USR2 <pid>} (or {@code systemctl kill -s USR2})
 * pauses a headless tray. Where the signal does not exist (Windows) or the JVM owns it, a log line
 * says so and the status endpoint remains the way to pause.
 */
final class PauseSignal {
    private PauseSignal() {
    }

    @SuppressWarnings("restriction")
    static void install(Runnable toggle, TrayLog log) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("USR2"), sig -> toggle.run());
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            log.warn("SIGUSR2 cannot toggle pause here (" + e.getMessage() + "); use POST /pause of --status-listen");
        }
    }
}
