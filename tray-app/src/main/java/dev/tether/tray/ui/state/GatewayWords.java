package dev.tether.tray.ui.state;

import dev.tether.tray.status.GatewayStatus;

/** A gateway's last error in words a person understands. */
public final class GatewayWords {
    private GatewayWords() {
    }

    /** {@code host:port} of the gateway. */
    public static String hostOf(GatewayStatus g) {
        return g.url().getPort() < 0 ? g.url().getHost() : g.url().getHost() + ":" + g.url().getPort();
    }

    /** "unreachable (Connection refused)", "token refused (401)", "" when all is well. */
    public static String problem(GatewayStatus g) {
        switch (g.state()) {
            case OK:
            case PENDING:
            case PAUSED:
                return "";
            case AUTH_REFUSED:
                return "token refused (" + g.lastStatus() + ")";
            case REJECTED:
                return (g.lastStatus() == 413 ? "snapshot too large" : "snapshot refused") + " (" + g.lastStatus() + ")"
                        + (g.error() == null ? "" : ": " + g.error());
            case RETRYING:
            default:
                return reason(g) + ", retrying";
        }
    }

    /** The last error as the core worded it, else "unreachable" or "HTTP 503". */
    public static String reason(GatewayStatus g) {
        if (g.error() != null) {
            return g.error();
        }
        return g.lastStatus() == 0 ? "unreachable" : "HTTP " + g.lastStatus();
    }
}
