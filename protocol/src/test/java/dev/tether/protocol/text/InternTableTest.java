package dev.tether.protocol.text;

import dev.tether.protocol.model.MetricFamily;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class InternTableTest {
    private static final String BODY = "# TYPE http_requests counter\nhttp_requests{route=\"/api\",method=\"GET\"} 3\n";

    @Test
    void parse_sameNamesInTwoParsesOnOneThread_oneStringEach() throws Exception {
        List<MetricFamily> first = ExpositionParser.parse(BODY.getBytes(StandardCharsets.UTF_8), ExpositionFormat.TEXT_004);
        List<MetricFamily> second = ExpositionParser.parse(BODY.getBytes(StandardCharsets.UTF_8), ExpositionFormat.TEXT_004);
        String route1 = first.get(0).samples().get(0).labels().get("route");
        String route2 = second.get(0).samples().get(0).labels().get("route");
        assertThat(route2).isEqualTo("/api").isSameAs(route1);
    }

    @Test
    void parse_moreDistinctValuesThanTheTableHolds_allParsedAndTheTableStartsAgain() throws Exception {
        StringBuilder body = new StringBuilder("# TYPE g gauge\n");
        int n = InternTable.MAX_ENTRIES + 100;
        for (int i = 0; i < n; i++) {
            body.append("g{id=\"value-").append(i).append("\"} ").append(i).append('\n');
        }
        List<MetricFamily> families = ExpositionParser.parse(body.toString().getBytes(StandardCharsets.UTF_8), ExpositionFormat.TEXT_004);
        assertThat(families.get(0).samples()).hasSize(n);
        assertThat(families.get(0).samples().get(n - 1).labels().get("id")).isEqualTo("value-" + (n - 1));

        // Full after that parse: the next one starts from an empty table and still parses right.
        List<MetricFamily> again = ExpositionParser.parse(BODY.getBytes(StandardCharsets.UTF_8), ExpositionFormat.TEXT_004);
        assertThat(again.get(0).samples().get(0).labels().get("method")).isEqualTo("GET");
    }

    @Test
    void take_whileThisThreadsTableIsInUse_givesAnotherTable() {
        InternTable outer = InternTable.take(256);
        try {
            InternTable inner = InternTable.take(256);
            assertThat(inner).isNotSameAs(outer);
            inner.release();
        } finally {
            outer.release();
        }
        InternTable next = InternTable.take(256);
        assertThat(next).isSameAs(outer);
        next.release();
    }

    @Test
    void take_otherThread_hasItsOwnTable() throws Exception {
        InternTable mine = InternTable.take(256);
        mine.release();
        AtomicReference<InternTable> theirs = new AtomicReference<>();
        Thread t = new Thread(() -> {
            InternTable table = InternTable.take(256);
            theirs.set(table);
            table.release();
        });
        t.start();
        t.join();
        assertThat(theirs.get()).isNotNull().isNotSameAs(mine);
    }
}
