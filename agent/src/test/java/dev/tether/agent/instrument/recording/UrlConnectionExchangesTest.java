package dev.tether.agent.instrument.recording;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrlConnectionExchangesTest {
    private final UrlConnectionExchanges exchanges = new UrlConnectionExchanges(2);

    @Test
    void complete_afterStarts_returnsEarliestStartOnceThenCounted() {
        Object connection = new Object();
        exchanges.started(connection, 100);
        exchanges.started(connection, 150);
        assertThat(exchanges.complete(connection, 120)).isEqualTo(100);
        assertThat(exchanges.complete(connection, 200)).isEqualTo(UrlConnectionExchanges.COUNTED);
        exchanges.started(connection, 300);
        assertThat(exchanges.complete(connection, 300)).isEqualTo(UrlConnectionExchanges.COUNTED);
    }

    @Test
    void complete_withoutStart_returnsCallStartAndRemembersIt() {
        Object connection = new Object();
        assertThat(exchanges.complete(connection, 50)).isEqualTo(50);
        assertThat(exchanges.complete(connection, 60)).isEqualTo(UrlConnectionExchanges.COUNTED);
    }

    @Test
    void complete_nanoTimeWrapping_comparesByDifference() {
        Object connection = new Object();
        exchanges.started(connection, Long.MAX_VALUE - 5);
        assertThat(exchanges.complete(connection, Long.MAX_VALUE + 5)).isEqualTo(Long.MAX_VALUE - 5);
    }

    @Test
    void started_pastMax_tracksNoMore() {
        Object a = new Object();
        Object b = new Object();
        Object c = new Object();
        exchanges.started(a, 1);
        exchanges.started(b, 2);
        exchanges.started(c, 3);
        assertThat(exchanges.size()).isEqualTo(2);
        assertThat(exchanges.complete(c, 10)).as("untracked: timed from its own call").isEqualTo(10);
        assertThat(exchanges.complete(c, 20)).as("and forgotten").isEqualTo(20);
    }

    @Test
    void started_droppedConnection_isForgotten() throws Exception {
        Object kept = new Object();
        exchanges.started(new Object(), 1);
        exchanges.started(new Object(), 2);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (exchanges.size() > 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(10);
        }
        exchanges.started(kept, 3);
        assertThat(exchanges.size()).isEqualTo(1);
        assertThat(exchanges.complete(kept, 5)).isEqualTo(3);
    }
}
