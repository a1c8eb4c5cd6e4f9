package dev.tether.tray.ui;

import dev.tether.tray.status.GatewayStatus;
import dev.tether.tray.status.TargetStatus;
import dev.tether.tray.status.TrayStatus;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds core statuses for ViewModel tests. */
public final class Statuses {
    public static final URI GATEWAY = URI.create("http://127.0.0.1:9091");

    private Statuses() {
    }

    public static TargetStatus agent(String job, long pid, boolean up) {
        return new TargetStatus("agent", job, "box:" + pid, pid, URI.create("http://127.0.0.1:" + (40000 + pid) + "/metrics"),
                up ? TargetStatus.State.UP : TargetStatus.State.DOWN, up ? 100 : 0, Duration.ofMillis(12),
                up ? null : "connection refused", List.of());
    }

    public static GatewayStatus gatewayOk(Instant lastPush) {
        return new GatewayStatus(GATEWAY, GatewayStatus.State.OK, lastPush, lastPush, Duration.ofMillis(4), 2400, 300, 200,
                null, 0, null);
    }

    public static GatewayStatus gatewayUnreachable(Instant lastPush) {
        return new GatewayStatus(GATEWAY, GatewayStatus.State.RETRYING, lastPush, lastPush, null, 2400, 300, 0,
                "unreachable (connection refused)", 3, null);
    }

    public static GatewayStatus gatewayRefused() {
        return new GatewayStatus(GATEWAY, GatewayStatus.State.AUTH_REFUSED, null, null, Duration.ofMillis(3), 0, 0, 401,
                "401 Unauthorized", 1, null);
    }

    public static TrayStatus of(boolean paused, List<TargetStatus> targets, GatewayStatus... gateways) {
        List<GatewayStatus> gs = new ArrayList<>(List.of(gateways));
        return new TrayStatus("box", true, paused, TrayStatus.overallOf(paused, targets, gs), Instant.EPOCH, targets, gs, 0,
                "test");
    }

    /** Three agents up, pushed at {@code lastPush}. */
    public static TrayStatus ok(Instant lastPush) {
        return of(false, List.of(agent("billing", 1, true), agent("orders", 2, true), agent("web", 3, true)),
                gatewayOk(lastPush));
    }

    public static TrayStatus degraded(Instant lastPush) {
        return of(false, List.of(agent("billing", 1, true), agent("orders", 2, false), agent("web", 3, true)),
                gatewayOk(lastPush));
    }

    public static TrayStatus offline(Instant lastPush) {
        return of(false, List.of(agent("billing", 1, true)), gatewayUnreachable(lastPush));
    }
}
