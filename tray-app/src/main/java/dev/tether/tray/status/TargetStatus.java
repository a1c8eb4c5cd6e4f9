package dev.tether.tray.status;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One target after the last cycle, immutable.
 *
 * @param pid the agent's PID, -1 for a static target
 * @param series series it contributed to the snapshot
 * @param error why it is down, null when up
 * @param conflicts families of this target dropped for a type conflict, this cycle
 */
public record TargetStatus(String kind, String job, String instance, long pid, URI url, State state, int series,
        Duration scrapeDuration, String error, List<String> conflicts) {

    public TargetStatus {
        conflicts = List.copyOf(conflicts);
    }

    /** Scrape state. */
    public enum State {
        UP,
        /** The scrape failed (refused, timed out, HTTP error, unparsable). */
        DOWN,
        /** The agent's JVM died without removing its file; reported until the retention ends. */
        DEAD
    }
}
