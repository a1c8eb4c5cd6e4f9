package dev.tether.gateway.store;

import dev.tether.gateway.testing.MutableClock;
import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.MetricType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.tether.gateway.store.InMemoryHostStoreTest.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Groups beside hosts: one type index, one lock, TTLs only when asked. */
class InMemoryGroupStoreTest {
    static final Labels A = Labels.of("job", "a");
    static final Labels B = Labels.of("job", "b");

    MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    InMemoryHostStore hosts = new InMemoryHostStore(clock, Duration.ofHours(1));
    InMemoryGroupStore groups = new InMemoryGroupStore(hosts, clock, Duration.ofHours(1));

    @Test
    void push_typeConflictWithLiveHost_refusedAndNothingChanges() throws Exception {
        hosts.push("h", snapshot("x", MetricType.GAUGE), Duration.ofSeconds(30));
        groups.push(A, snapshot("y", MetricType.GAUGE), true, null, 1000);

        assertThatThrownBy(() -> groups.push(A, snapshot("x", MetricType.COUNTER), true, null, 1000))
                .isInstanceOf(TypeConflictException.class).hasMessageContaining("host 'h'");
        assertThat(groups.view().groups().get(0).snapshot().families().get(0).name()).isEqualTo("y");
        assertThatThrownBy(() -> hosts.push("h2", snapshot("y", MetricType.COUNTER), Duration.ofSeconds(30)))
                .isInstanceOf(TypeConflictException.class).hasMessageContaining("group {job=\"a\"}");
        assertThat(hosts.indexedFamilies()).isEqualTo(2);
    }

    @Test
    void push_lapsedHolders_noLongerCountAndLoseTheirSeries() throws Exception {
        hosts.push("h", snapshot("x", MetricType.GAUGE), Duration.ofSeconds(30));
        groups.push(A, snapshot("y", MetricType.GAUGE), true, Duration.ofSeconds(30), 1000);
        clock.advance(Duration.ofSeconds(31));

        groups.push(B, snapshot("x", MetricType.COUNTER), true, null, 1000);
        hosts.push("h2", snapshot("y", MetricType.COUNTER), Duration.ofSeconds(30));

        assertThat(groups.view().groups().get(0).snapshot()).isNull();
        assertThat(groups.lapses()).isEqualTo(1);
    }

    @Test
    void push_postMergesByName_putReplaces() throws Exception {
        groups.push(A, HostSnapshot.of(List.of(family("x"), family("y"))), true, null, 1000);

        groups.push(A, HostSnapshot.of(List.of(family("y"), family("z"))), false, null, 1000);
        assertThat(names(A)).containsExactly("x", "y", "z");

        groups.push(A, HostSnapshot.of(List.of(family("z"))), true, null, 1000);
        assertThat(names(A)).containsExactly("z");
        assertThat(hosts.indexedFamilies()).isEqualTo(1);
    }

    @Test
    void push_postOverTheGroupCap_refusedAndNothingChanges() throws Exception {
        groups.push(A, HostSnapshot.of(List.of(family("x"), family("y"))), true, null, 2);

        assertThatThrownBy(() -> groups.push(A, HostSnapshot.of(List.of(family("z"))), false, null, 2))
                .isInstanceOf(TooManySeriesException.class).hasMessageContaining("would hold 3 series, more than 2");
        assertThat(names(A)).containsExactly("x", "y");
        assertThat(hosts.indexedFamilies()).isEqualTo(2);
        groups.push(A, HostSnapshot.of(List.of(family("y"))), false, null, 2);
    }

    @Test
    void delete_freesTheFamiliesForOtherTypes() throws Exception {
        groups.push(A, snapshot("x", MetricType.GAUGE), true, null, 1000);

        assertThat(groups.delete(A)).isTrue();
        assertThat(groups.delete(A)).isFalse();
        hosts.push("h", snapshot("x", MetricType.COUNTER), Duration.ofSeconds(30));
        assertThat(hosts.indexedFamilies()).isEqualTo(1);
    }

    @Test
    void sweep_lapsedGroupKeptForRetentionThenForgotten_untimedGroupStays() throws Exception {
        groups.push(A, snapshot("x", MetricType.GAUGE), true, Duration.ofSeconds(30), 1000);
        groups.push(B, snapshot("y", MetricType.GAUGE), true, null, 1000);
        clock.advance(Duration.ofSeconds(30));

        assertThat(groups.sweep()).isEqualTo(1);
        assertThat(groups.view().groups()).hasSize(2);
        assertThat(hosts.indexedFamilies()).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        assertThat(groups.sweep()).isZero();
        assertThat(groups.view().groups()).extracting(GroupRecord::key).containsExactly(B);
    }

    @Test
    void restore_afterHosts_keepsBothInTheIndex() throws Exception {
        groups.push(A, snapshot("x", MetricType.GAUGE), true, null, 1000);
        List<GroupRecord> saved = groups.view().groups();
        hosts.push("h", snapshot("y", MetricType.GAUGE), Duration.ofSeconds(30));
        List<HostRecord> savedHosts = hosts.view().records();

        InMemoryHostStore hosts2 = new InMemoryHostStore(clock, Duration.ofHours(1));
        InMemoryGroupStore groups2 = new InMemoryGroupStore(hosts2, clock, Duration.ofHours(1));
        hosts2.restore(savedHosts);
        groups2.restore(saved);

        assertThat(hosts2.indexedFamilies()).isEqualTo(2);
        assertThatThrownBy(() -> hosts2.push("h2", snapshot("x", MetricType.COUNTER), Duration.ofSeconds(30)))
                .isInstanceOf(TypeConflictException.class);
        // Restoring the hosts again leaves the groups' families indexed.
        hosts2.restore(List.of());
        assertThat(hosts2.indexedFamilies()).isEqualTo(1);
    }

    @Test
    void push_keysThatPrintAlike_stayApart() throws Exception {
        Labels tricky = Labels.of("job", "a\",x=\"1");
        Labels plain = Labels.of("job", "a", "x", "1");
        groups.push(tricky, snapshot("t", MetricType.GAUGE), true, null, 1000);
        groups.push(plain, snapshot("p", MetricType.GAUGE), true, null, 1000);

        assertThat(groups.view().groups()).extracting(GroupRecord::key).containsExactlyInAnyOrder(tricky, plain);
    }

    @Test
    void pushFailed_createsGroupWithFailureTimeOnly() {
        groups.pushFailed(A);

        GroupRecord g = groups.view().groups().get(0);
        assertThat(g.pushTime()).isNull();
        assertThat(g.failureTime()).isEqualTo(clock.instant());
        assertThat(g.snapshot().families()).isEmpty();
    }

    private static RenderedFamily family(String name) {
        return snapshot(name, MetricType.GAUGE).families().get(0);
    }

    private List<String> names(Labels key) {
        return groups.view().groups().stream().filter(g -> g.key().equals(key)).findFirst().orElseThrow()
                .snapshot().families().stream().map(RenderedFamily::name).toList();
    }
}
