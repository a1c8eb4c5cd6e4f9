package dev.tether.tray.discovery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Tells whether the JVM that wrote a discovery file still runs. */
@FunctionalInterface
public interface ProcessProbe {
    /**
     * @param startedAt the agent's start time from its file, or null
     */
    boolean isAlive(long pid, Instant startedAt);

    /**
     * The real probe: {@link ProcessHandle#of}. A live process that started well after the agent
     * said it started is another program that got the PID after a crash (or a reboot), so the agent
     * counts as dead.
     */
    static ProcessProbe system() {
        return (pid, startedAt) -> {
            Optional<ProcessHandle> h = ProcessHandle.of(pid);
            if (h.isEmpty() || !h.get().isAlive()) {
                return false;
            }
            if (startedAt != null) {
                Optional<Instant> processStart = h.get().info().startInstant();
                // A JVM starts before its agent does; a minute of slack covers clock and rounding.
                if (processStart.isPresent() && processStart.get().isAfter(startedAt.plus(Duration.ofMinutes(1)))) {
                    return false;
                }
            }
            return true;
        };
    }
}
