package dev.tether.gateway.remotewrite;

import dev.tether.gateway.http.SnapshotReader;
import dev.tether.gateway.store.HostSnapshot;
import dev.tether.gateway.store.InMemoryHostStore;
import dev.tether.gateway.store.TypeConflictException;
import dev.tether.gateway.testing.MutableClock;
import dev.tether.protocol.text.ExpositionFormat;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the store wrapper forwards, and when: on a fake clock, without a network. */
class RemoteWriteStoreTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    final MutableClock clock = new MutableClock(T0);
    final List<HostEvent> events = new ArrayList<>();
    final RemoteWriteStore store = new RemoteWriteStore(new InMemoryHostStore(clock, Duration.ofHours(1)), events::add,
            Duration.ofHours(1));

    static HostSnapshot snapshot(String host, String text) throws Exception {
        return SnapshotReader.read(host, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                ExpositionFormat.TEXT_004, 1000);
    }

    /** Each series as "name{labels} value@millis-from-T0", stale markers as "stale". */
    static List<String> series(HostEvent e) {
        List<TimeSeries> out = new ArrayList<>();
        SeriesConverter.convert(e, out);
        List<String> lines = new ArrayList<>();
        for (TimeSeries ts : out) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < ts.labels().length; i += 2) {
                sb.append(i == 0 ? "" : ",").append(ts.labels()[i]).append('=').append(ts.labels()[i + 1]);
            }
            sb.append(' ').append(ts.stale() ? "stale" : String.valueOf(ts.value())).append('@')
                    .append(ts.timestampMillis() - T0.toEpochMilli());
            lines.add(sb.toString());
        }
        return lines;
    }

    @Test
    void push_thenSeriesGone_sortedLabelsAtPushTimeAndStaleForTheGoneOne() throws Exception {
        store.push("alpha", snapshot("alpha", "# TYPE x gauge\nx{job=\"a\",Zone=\"z\"} 1\nx{job=\"b\"} 2\n"), Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(10));
        store.push("alpha", snapshot("alpha", "# TYPE x gauge\nx{job=\"a\",Zone=\"z\"} 3\n"), Duration.ofSeconds(30));

        assertThat(events).extracting(HostEvent::kind).containsExactly(HostEvent.Kind.PUSHED, HostEvent.Kind.PUSHED);
        assertThat(series(events.get(0))).containsExactly(
                "Zone=z,__name__=x,host=alpha,job=a 1.0@0",
                "__name__=x,host=alpha,job=b 2.0@0",
                "__name__=tether_host_up,host=alpha 1.0@0");
        assertThat(series(events.get(1))).containsExactly(
                "Zone=z,__name__=x,host=alpha,job=a 3.0@10000",
                "__name__=x,host=alpha,job=b stale@10000",
                "__name__=tether_host_up,host=alpha 1.0@10000");
    }

    @Test
    void sweep_afterLapse_staleMarkersAtTheLapseAndHostUpZero() throws Exception {
        store.push("alpha", snapshot("alpha", "# TYPE x gauge\nx 1\n"), Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        store.sweep();
        assertThat(events).hasSize(1);

        clock.advance(Duration.ofSeconds(2));
        store.sweep();
        store.sweep();

        assertThat(events).hasSize(2);
        assertThat(series(events.get(1))).containsExactly(
                "__name__=x,host=alpha stale@30000",
                "__name__=tether_host_up,host=alpha 0.0@30000");
    }

    @Test
    void sweep_lapsedHost_hostUpZeroRepeatedInsideTheLookbackThenEndedAfterTheRetention() throws Exception {
        store.push("alpha", snapshot("alpha", "# TYPE x gauge\nx 1\n"), Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(31));
        store.sweep();
        events.clear();

        clock.advance(Duration.ofSeconds(30));
        store.sweep();
        assertThat(events).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        store.sweep();
        assertThat(events).hasSize(1);
        assertThat(series(events.get(0))).containsExactly("__name__=tether_host_up,host=alpha 0.0@91000");

        clock.advance(Duration.ofHours(1));
        store.sweep();
        assertThat(series(events.get(1))).containsExactly("__name__=tether_host_up,host=alpha stale@3691000");
        store.sweep();
        assertThat(events).hasSize(2);
    }

    @Test
    void leave_lapsedHost_itsHostUpZeroEnds() throws Exception {
        store.push("alpha", snapshot("alpha", "# TYPE x gauge\nx 1\n"), Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(31));
        store.sweep();

        store.leave("alpha");

        assertThat(events).extracting(HostEvent::kind)
                .containsExactly(HostEvent.Kind.PUSHED, HostEvent.Kind.LAPSED, HostEvent.Kind.ENDED);
        assertThat(series(events.get(2))).containsExactly("__name__=tether_host_up,host=alpha stale@31000");
    }

    @Test
    void leaveAndPause_upHosts_endNowWithHostUpStale() throws Exception {
        store.push("alpha", snapshot("alpha", "# TYPE x gauge\nx 1\n"), Duration.ofSeconds(30));
        store.push("beta", snapshot("beta", "# TYPE x gauge\nx 2\n"), Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(5));

        store.leave("alpha");
        store.pause("beta", Duration.ofMinutes(10));
        store.leave("alpha");
        store.pause("beta", Duration.ofMinutes(10));

        assertThat(events).hasSize(4);
        assertThat(series(events.get(2))).containsExactly(
                "__name__=x,host=alpha stale@5000", "__name__=tether_host_up,host=alpha stale@5000");
        assertThat(series(events.get(3))).containsExactly(
                "__name__=x,host=beta stale@5000", "__name__=tether_host_up,host=beta stale@5000");
    }

    @Test
    void sweep_pauseEndsWithoutPush_hostUpZeroAtTheEndOfThePause() throws Exception {
        store.push("alpha", snapshot("alpha", "# TYPE x gauge\nx 1\n"), Duration.ofSeconds(30));
        store.pause("alpha", Duration.ofMinutes(10));
        store.pause("beta", Duration.ofMinutes(10));
        store.push("beta", snapshot("beta", "# TYPE x gauge\nx 2\n"), Duration.ofHours(1));
        events.clear();

        clock.advance(Duration.ofMinutes(11));
        store.sweep();

        assertThat(events).hasSize(1);
        assertThat(series(events.get(0))).containsExactly("__name__=tether_host_up,host=alpha 0.0@600000");
    }

    @Test
    void push_afterUnsweptLapse_endsTheOldSeriesFirst() throws Exception {
        store.push("alpha", snapshot("alpha", "# TYPE x gauge\nx{job=\"old\"} 1\n"), Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(40));

        store.push("alpha", snapshot("alpha", "# TYPE x gauge\nx{job=\"new\"} 1\n"), Duration.ofSeconds(30));

        assertThat(events).extracting(HostEvent::kind)
                .containsExactly(HostEvent.Kind.PUSHED, HostEvent.Kind.LAPSED, HostEvent.Kind.PUSHED);
        assertThat(series(events.get(1))).containsExactly(
                "__name__=x,host=alpha,job=old stale@30000", "__name__=tether_host_up,host=alpha 0.0@30000");
        assertThat(series(events.get(2))).containsExactly(
                "__name__=x,host=alpha,job=new 1.0@40000", "__name__=tether_host_up,host=alpha 1.0@40000");
    }

    @Test
    void push_typeConflict_refusedAndNothingForwarded() throws Exception {
        store.push("alpha", snapshot("alpha", "# TYPE x gauge\nx 1\n"), Duration.ofSeconds(30));

        assertThatThrownBy(() -> store.push("beta", snapshot("beta", "# TYPE x counter\nx 1\n"), Duration.ofSeconds(30)))
                .isInstanceOf(TypeConflictException.class);

        assertThat(events).hasSize(1);
    }

    @Test
    void restore_liveHost_notResentButItsLapseIs() throws Exception {
        InMemoryHostStore before = new InMemoryHostStore(clock, Duration.ofHours(1));
        before.push("alpha", snapshot("alpha", "# TYPE x gauge\nx 1\n"), Duration.ofSeconds(30));

        store.restore(before.view().records());
        assertThat(events).isEmpty();
        clock.advance(Duration.ofSeconds(31));
        store.sweep();

        assertThat(events).extracting(HostEvent::kind).containsExactly(HostEvent.Kind.LAPSED);
    }
}
