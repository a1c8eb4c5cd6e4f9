package dev.tether.tray.status;

import dev.tether.tray.status.TrayStatus.Overall;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrayStatusTest {
    private static GatewayStatus gateway(GatewayStatus.State state) {
        return new GatewayStatus(URI.create("http://g:1"), state, null, null, null, 0, 0, 0, null, 0, null);
    }

    private static TargetStatus target(TargetStatus.State state) {
        return new TargetStatus("agent", "shop", "h:1", 1, URI.create("http://127.0.0.1:1/metrics"), state, 3,
                Duration.ZERO, null, List.of());
    }

    @Test
    void overallOf_eachSituation_iconState() {
        var ok = gateway(GatewayStatus.State.OK);
        var up = target(TargetStatus.State.UP);
        assertThat(TrayStatus.overallOf(true, List.of(up), List.of(ok))).isEqualTo(Overall.PAUSED);
        assertThat(TrayStatus.overallOf(false, List.of(up), List.of(ok))).isEqualTo(Overall.OK);
        assertThat(TrayStatus.overallOf(false, List.of(), List.of(ok))).isEqualTo(Overall.IDLE);
        assertThat(TrayStatus.overallOf(false, List.of(up), List.of())).isEqualTo(Overall.OFFLINE);
        assertThat(TrayStatus.overallOf(false, List.of(up), List.of(gateway(GatewayStatus.State.AUTH_REFUSED))))
                .isEqualTo(Overall.OFFLINE);
        assertThat(TrayStatus.overallOf(false, List.of(up), List.of(ok, gateway(GatewayStatus.State.RETRYING))))
                .isEqualTo(Overall.DEGRADED);
        assertThat(TrayStatus.overallOf(false, List.of(up, target(TargetStatus.State.DEAD)), List.of(ok)))
                .isEqualTo(Overall.DEGRADED);
        assertThat(TrayStatus.overallOf(false, List.of(up), List.of(gateway(GatewayStatus.State.PAUSED))))
                .isEqualTo(Overall.OK);
    }
}
