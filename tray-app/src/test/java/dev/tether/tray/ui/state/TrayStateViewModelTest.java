package dev.tether.tray.ui.state;

import dev.tether.tray.status.TrayStatus.Overall;
import dev.tether.tray.testing.MutableClock;
import dev.tether.tray.ui.Statuses;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TrayStateViewModelTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final TrayStateViewModel vm = new TrayStateViewModel(clock, Duration.ofSeconds(5),
            new NotificationThrottle(Duration.ofMinutes(1)));

    @Test
    void update_firstStatus_shownAtOnce() {
        vm.update(Statuses.ok(T0));
        assertThat(vm.presentation().state()).isEqualTo(Overall.OK);
    }

    @Test
    void update_allUp_tooltipSaysAllGoodWithCountAndLastPush() {
        clock.advance(Duration.ofSeconds(2));
        vm.update(Statuses.ok(T0));
        assertThat(vm.presentation().text()).isEqualTo("All good: 3 agents, last push 2 s ago");
        assertThat(vm.presentation().pauseLabel()).isEqualTo("Pause forwarding");
    }

    @Test
    void update_stateForOneCycleOnly_notShown() {
        vm.update(Statuses.ok(T0));
        clock.advance(Duration.ofSeconds(1));
        vm.update(Statuses.degraded(T0));
        clock.advance(Duration.ofSeconds(1));
        vm.update(Statuses.ok(T0));
        clock.advance(Duration.ofSeconds(10));
        vm.tick();
        assertThat(vm.presentation().state()).isEqualTo(Overall.OK);
    }

    @Test
    void tick_stateHeldForDebounce_shown() {
        vm.update(Statuses.ok(T0));
        clock.advance(Duration.ofSeconds(1));
        vm.update(Statuses.degraded(T0));
        clock.advance(Duration.ofSeconds(4));
        vm.tick();
        assertThat(vm.presentation().state()).isEqualTo(Overall.OK);
        clock.advance(Duration.ofSeconds(1));
        vm.tick();
        assertThat(vm.presentation().state()).isEqualTo(Overall.DEGRADED);
        assertThat(vm.presentation().text()).startsWith("Degraded: 1 of 3 targets down (orders)");
    }

    @Test
    void update_pauseAndResume_shownAtOnce() {
        vm.update(Statuses.ok(T0));
        vm.update(Statuses.of(true, Statuses.ok(T0).targets(), Statuses.gatewayOk(T0)));
        assertThat(vm.presentation().state()).isEqualTo(Overall.PAUSED);
        assertThat(vm.presentation().pauseLabel()).isEqualTo("Resume forwarding");
        assertThat(vm.presentation().text()).startsWith("Paused:");
        vm.update(Statuses.ok(T0));
        assertThat(vm.presentation().state()).isEqualTo(Overall.OK);
    }

    @Test
    void update_offlineStates_sayWhy() {
        vm.update(Statuses.offline(T0));
        assertThat(vm.presentation().state()).isEqualTo(Overall.OFFLINE);
        assertThat(vm.presentation().text()).startsWith("Offline: cannot reach 127.0.0.1:9091 (unreachable (connection refused))");

        TrayStateViewModel other = new TrayStateViewModel(clock, Duration.ofSeconds(5), new NotificationThrottle(Duration.ZERO));
        other.update(Statuses.of(false, List.of(Statuses.agent("a", 1, true)), Statuses.gatewayRefused()));
        assertThat(other.presentation().text()).startsWith("Offline: the gateway refused the token");

        TrayStateViewModel none = new TrayStateViewModel(clock, Duration.ofSeconds(5), new NotificationThrottle(Duration.ZERO));
        none.update(Statuses.of(false, List.of()));
        assertThat(none.presentation().text()).isEqualTo("Offline: no gateway configured (open Settings…)");
    }

    @Test
    void update_noTargets_idle() {
        vm.update(Statuses.of(false, List.of(), Statuses.gatewayOk(T0)));
        assertThat(vm.presentation().state()).isEqualTo(Overall.IDLE);
        assertThat(vm.presentation().text()).startsWith("Idle: no agents found");
    }

    @Test
    void goingOfflineAndBack_notifiesOnceEachWithinTheGapThenSummarises() {
        vm.update(Statuses.ok(T0));
        // offline, held past the debounce: one notification
        vm.update(Statuses.offline(T0));
        clock.advance(Duration.ofSeconds(5));
        Optional<Notification> n = vm.tick();
        assertThat(n).map(Notification::title).contains("Tether is offline");
        // back online 10 s later: inside the one-minute gap, so held back
        vm.update(Statuses.ok(clock.instant()));
        clock.advance(Duration.ofSeconds(5));
        assertThat(vm.tick()).isEmpty();
        assertThat(vm.presentation().state()).isEqualTo(Overall.OK);
        // a minute after the first: one summary
        clock.advance(Duration.ofSeconds(55));
        Optional<Notification> summary = vm.tick();
        assertThat(summary).isPresent();
        assertThat(summary.get().text()).startsWith("1 change since the last notice. Now: All good");
        clock.advance(Duration.ofMinutes(5));
        assertThat(vm.tick()).isEmpty();
    }

    @Test
    void debounceFor_clampsTheInterval() {
        assertThat(TrayStateViewModel.debounceFor(Duration.ofMillis(200))).isEqualTo(Duration.ofSeconds(1));
        assertThat(TrayStateViewModel.debounceFor(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(TrayStateViewModel.debounceFor(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(15));
    }
}
