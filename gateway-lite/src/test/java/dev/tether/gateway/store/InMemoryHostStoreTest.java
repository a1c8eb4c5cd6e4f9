package dev.tether.gateway.store;

import dev.tether.gateway.testing.MutableClock;
import dev.tether.protocol.model.MetricType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store alone, with a fake clock. */
class InMemoryHostStoreTest {
    final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    final InMemoryHostStore store = new InMemoryHostStore(clock, Duration.ofHours(1));

    static HostSnapshot snapshot(String family, MetricType type) {
        byte[] line = (family + "{host=\"h\"} 1.0\n").getBytes(StandardCharsets.UTF_8);
        return HostSnapshot.of(List.of(new RenderedFamily(family, type, null, null, 1, line)));
    }

    @Test
    void push_newHost_upUntilTtlEnds() throws Exception {
        store.push("a", snapshot("x", MetricType.GAUGE), Duration.ofSeconds(10));

        assertThat(store.view().records().get(0).state(clock.instant())).isEqualTo(HostState.UP);
        clock.advance(Duration.ofSeconds(10));
        HostRecord r = store.view().records().get(0);
        assertThat(r.state(clock.instant())).isEqualTo(HostState.EXPIRED);
        assertThat(r.liveSnapshot(clock.instant())).isNull();
    }

    @Test
    void push_conflictingTypeFromLiveHost_refusedAndNothingChanges() throws Exception {
        store.push("a", snapshot("x", MetricType.GAUGE), Duration.ofSeconds(10));
        long version = store.version();

        assertThatThrownBy(() -> store.push("b", snapshot("x", MetricType.COUNTER), Duration.ofSeconds(10)))
                .isInstanceOf(TypeConflictException.class).hasMessageContaining("'a'").hasMessageContaining("'b'");
        assertThat(store.version()).isEqualTo(version);
        assertThat(store.view().records()).extracting(HostRecord::host).containsExactly("a");
    }

    @Test
    void push_sameHostChangesItsOwnType_accepted() throws Exception {
        store.push("a", snapshot("x", MetricType.GAUGE), Duration.ofSeconds(10));
        store.push("a", snapshot("x", MetricType.COUNTER), Duration.ofSeconds(10));

        assertThat(store.indexedFamilies()).isEqualTo(1);
    }

    @Test
    void sweep_lapsedHost_releasesItsFamiliesFromIndex() throws Exception {
        store.push("a", snapshot("x", MetricType.GAUGE), Duration.ofSeconds(10));
        store.push("b", snapshot("y", MetricType.GAUGE), Duration.ofSeconds(100));
        clock.advance(Duration.ofSeconds(11));

        assertThat(store.sweep()).isEqualTo(1);
        assertThat(store.indexedFamilies()).isEqualTo(1);
        assertThat(store.expirations()).isEqualTo(1);
        assertThat(store.sweep()).isZero();
    }

    @Test
    void sweep_pastRetention_forgetsHost() throws Exception {
        store.push("a", snapshot("x", MetricType.GAUGE), Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(10).plusHours(1));

        store.sweep();

        assertThat(store.view().records()).isEmpty();
        assertThat(store.expirations()).isEqualTo(1);
    }

    @Test
    void pause_endsWithoutPush_expiresAndCountsOnce() throws Exception {
        store.push("a", snapshot("x", MetricType.GAUGE), Duration.ofSeconds(10));
        store.pause("a", Duration.ofMinutes(5));
        assertThat(store.indexedFamilies()).isZero();
        clock.advance(Duration.ofMinutes(1));
        store.sweep();
        assertThat(store.expirations()).isZero();

        clock.advance(Duration.ofMinutes(4));
        store.sweep();
        store.sweep();

        assertThat(store.view().records().get(0).state(clock.instant())).isEqualTo(HostState.EXPIRED);
        assertThat(store.expirations()).isEqualTo(1);
    }

    @Test
    void leave_knownThenAgain_trueThenFalse() throws Exception {
        store.push("a", snapshot("x", MetricType.GAUGE), Duration.ofSeconds(10));

        assertThat(store.leave("a")).isTrue();
        assertThat(store.leave("a")).isFalse();
        assertThat(store.leave("never")).isFalse();
        assertThat(store.indexedFamilies()).isZero();
    }

    @Test
    void restore_hostLapsedDuringDowntime_comesBackExpiredWithoutSeries() throws Exception {
        store.push("a", snapshot("x", MetricType.GAUGE), Duration.ofSeconds(10));
        store.push("b", snapshot("y", MetricType.GAUGE), Duration.ofHours(2));
        List<HostRecord> saved = store.view().records();
        clock.advance(Duration.ofMinutes(30));
        InMemoryHostStore restarted = new InMemoryHostStore(clock, Duration.ofHours(1));

        restarted.restore(saved);

        List<HostRecord> rs = restarted.view().records();
        assertThat(rs.get(0).state(clock.instant())).isEqualTo(HostState.EXPIRED);
        assertThat(rs.get(0).snapshot()).isNull();
        assertThat(rs.get(1).state(clock.instant())).isEqualTo(HostState.UP);
        assertThat(restarted.indexedFamilies()).isEqualTo(1);
    }
}
