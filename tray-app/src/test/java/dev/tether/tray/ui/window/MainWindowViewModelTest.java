package dev.tether.tray.ui.window;

import dev.tether.tray.config.TraySettings;
import dev.tether.tray.testing.MutableClock;
import dev.tether.tray.ui.Statuses;
import dev.tether.tray.ui.state.NotificationThrottle;
import dev.tether.tray.ui.state.TrayStateViewModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MainWindowViewModelTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void update_rowsHeaderAndButtonFromStatus() {
        MutableClock clock = new MutableClock(T0.plusSeconds(3));
        TrayStateViewModel state = new TrayStateViewModel(clock, Duration.ofSeconds(1), new NotificationThrottle(Duration.ZERO));
        MainWindowViewModel vm = new MainWindowViewModel(clock);
        TraySettings settings = TraySettings.builder().gateway("http://127.0.0.1:9091").host("box")
                .interval(Duration.ofSeconds(15)).build();
        state.update(Statuses.degraded(T0));
        vm.update(Statuses.degraded(T0), settings, state.presentation());

        assertThat(vm.headerProperty().get()).isEqualTo("Host box · TTL 45s · every 15s");
        assertThat(vm.stateNameProperty().get()).isEqualTo("degraded");
        assertThat(vm.pauseLabelProperty().get()).isEqualTo("Pause forwarding");
        assertThat(vm.targets()).hasSize(3);
        TargetRow down = vm.targets().get(1);
        assertThat(down.app()).isEqualTo("orders");
        assertThat(down.pid()).isEqualTo("2");
        assertThat(down.state()).isEqualTo("down");
        assertThat(down.error()).isEqualTo("connection refused");
        assertThat(down.scrapeMs()).isEqualTo("12");
        GatewayRow g = vm.gateways().get(0);
        assertThat(g.state()).isEqualTo("ok");
        assertThat(g.lastPush()).isEqualTo("3 s ago");
        assertThat(g.latency()).isEqualTo("4 ms");
        assertThat(g.bytes()).isEqualTo("2.3 KiB");
        assertThat(g.error()).isEmpty();
    }

    @Test
    void update_unreachableGateway_errorInWords() {
        MutableClock clock = new MutableClock(T0);
        MainWindowViewModel vm = new MainWindowViewModel(clock);
        TrayStateViewModel state = new TrayStateViewModel(clock, Duration.ofSeconds(1), new NotificationThrottle(Duration.ZERO));
        state.update(Statuses.offline(null));
        vm.update(Statuses.offline(null), TraySettings.builder().gateway("http://127.0.0.1:9091").host("box").build(),
                state.presentation());
        assertThat(vm.gateways().get(0).error()).isEqualTo("unreachable (connection refused), retrying");
        assertThat(vm.gateways().get(0).lastPush()).isEqualTo("never");
        assertThat(vm.stateNameProperty().get()).isEqualTo("offline");
    }
}
