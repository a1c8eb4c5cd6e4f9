package dev.tether.tray.ui.state;

import dev.tether.tray.status.GatewayStatus;
import dev.tether.tray.status.TargetStatus;
import dev.tether.tray.status.TrayStatus;
import dev.tether.tray.status.TrayStatus.Overall;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** The words for a state: the tooltip and the menu's status line ("All good: 3 agents, last push 2 s ago"). */
public final class StatusText {
    private StatusText() {
    }

    /** Describes {@code shown} (the debounced state) with the details of the latest status. */
    public static String describe(Overall shown, TrayStatus s, Instant now) {
        Instant pushed = lastPush(s.gateways());
        String lastPush = pushed == null ? "nothing pushed yet" : "last push " + Ago.since(pushed, now);
        switch (shown) {
            case OK:
                return "All good: " + count(s.targets()) + ", " + lastPush;
            case DEGRADED: {
                List<TargetStatus> down = s.targets().stream().filter(t -> t.state() != TargetStatus.State.UP)
                        .collect(Collectors.toList());
                if (!down.isEmpty()) {
                    String names = down.stream().map(t -> t.job()).distinct().limit(3).collect(Collectors.joining(", "));
                    return "Degraded: " + down.size() + " of " + s.targets().size()
                            + (s.targets().size() == 1 ? " target" : " targets") + " down (" + names + "), "
                            + lastPush;
                }
                GatewayStatus bad = firstNotOk(s.gateways());
                return "Degraded: " + (bad != null ? GatewayWords.hostOf(bad) + " " + GatewayWords.problem(bad)
                        : "a push is retrying") + ", " + lastPush;
            }
            case OFFLINE: {
                if (s.gateways().isEmpty()) {
                    return "Offline: no gateway configured (open Settings…)";
                }
                GatewayStatus bad = firstNotOk(s.gateways());
                String why = bad == null ? "no gateway reachable"
                        : bad.state() == GatewayStatus.State.AUTH_REFUSED ? "the gateway refused the token"
                        : "cannot reach " + GatewayWords.hostOf(bad) + " (" + GatewayWords.reason(bad) + ")";
                return "Offline: " + why + ", " + lastPush;
            }
            case PAUSED:
                return "Paused: forwarding stopped (" + count(s.targets()) + "); choose Resume to go on";
            case IDLE:
            default:
                return "Idle: no agents found, " + lastPush;
        }
    }

    /** "3 agents", "1 agent", "4 targets" (when some are static targets). */
    static String count(List<TargetStatus> targets) {
        boolean allAgents = targets.stream().allMatch(t -> t.pid() >= 0);
        String noun = allAgents ? "agent" : "target";
        return targets.size() + " " + noun + (targets.size() == 1 ? "" : "s");
    }

    static Instant lastPush(List<GatewayStatus> gateways) {
        Instant last = null;
        for (GatewayStatus g : gateways) {
            if (g.lastPushAt() != null && (last == null || g.lastPushAt().isAfter(last))) {
                last = g.lastPushAt();
            }
        }
        return last;
    }

    private static GatewayStatus firstNotOk(List<GatewayStatus> gateways) {
        return gateways.stream().filter(g -> g.state() != GatewayStatus.State.OK && g.state() != GatewayStatus.State.PENDING
                && g.state() != GatewayStatus.State.PAUSED).findFirst().orElse(null);
    }
}
