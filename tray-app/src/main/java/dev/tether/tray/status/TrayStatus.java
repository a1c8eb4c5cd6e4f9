package dev.tether.tray.status;

import java.time.Instant;
import java.util.List;

/**
 * Everything a front end shows, as of one moment: an immutable snapshot that the core replaces
 * after each cycle and each gateway answer. {@link #overall()} is what the tray icon shows.
 *
 * @param lastCycleAt when the last cycle ended, or null before the first
 * @param typeConflictsTotal families dropped for type conflicts since start
 */
public record TrayStatus(String host, boolean running, boolean paused, Overall overall, Instant lastCycleAt,
        List<TargetStatus> targets, List<GatewayStatus> gateways, long typeConflictsTotal, String version) {

    public TrayStatus {
        targets = List.copyOf(targets);
        gateways = List.copyOf(gateways);
    }

    /** The one-word summary, for the icon. */
    public enum Overall {
        /** Every target up, every gateway took the last push. */
        OK,
        /** A target down, or a gateway retrying while another works. */
        DEGRADED,
        /** No gateway takes pushes (unreachable, refused auth) or none configured. */
        OFFLINE,
        PAUSED,
        /** Nothing to scrape. */
        IDLE
    }

    /** Computes the summary from its parts. */
    public static Overall overallOf(boolean paused, List<TargetStatus> targets, List<GatewayStatus> gateways) {
        if (paused) {
            return Overall.PAUSED;
        }
        boolean anyOk = false;
        boolean anyBad = false;
        for (GatewayStatus g : gateways) {
            // PAUSED lingers from the last pause heartbeat until the first push after a resume.
            if (g.state() == GatewayStatus.State.OK || g.state() == GatewayStatus.State.PENDING
                    || g.state() == GatewayStatus.State.PAUSED) {
                anyOk = true;
            } else {
                anyBad = true;
            }
        }
        if (!anyOk) {
            return Overall.OFFLINE;
        }
        if (targets.isEmpty()) {
            return Overall.IDLE;
        }
        boolean targetDown = targets.stream().anyMatch(t -> t.state() != TargetStatus.State.UP);
        return anyBad || targetDown ? Overall.DEGRADED : Overall.OK;
    }
}
