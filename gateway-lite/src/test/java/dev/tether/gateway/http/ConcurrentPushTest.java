package dev.tether.gateway.http;

import dev.tether.gateway.testing.MutableClock;
import dev.tether.gateway.testing.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Hosts racing to push the same family with different types: one type wins, never both. */
class ConcurrentPushTest {
    @TempDir
    Path dir;

    @Test
    void put_concurrentConflictingTypes_oneTypeStoredAndRefusalsCounted() throws Exception {
        MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
        try (TestGateway gw = TestGateway.start(dir, clock)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String type = i % 2 == 0 ? "gauge" : "counter";
                    String host = "h" + i;
                    results.add(pool.submit(() -> gw.client.put(host, "# TYPE race " + type + "\nrace 1\n").statusCode()));
                }
                int ok = 0;
                int conflicts = 0;
                for (Future<Integer> f : results) {
                    int status = f.get();
                    if (status == 200) {
                        ok++;
                    } else {
                        assertThat(status).isEqualTo(400);
                        conflicts++;
                    }
                }
                String m = gw.client.metrics();
                long types = m.lines().filter(l -> l.startsWith("# TYPE race ")).count();
                long samples = m.lines().filter(l -> l.startsWith("race{")).count();
                assertThat(types).isEqualTo(1);
                assertThat(samples).isEqualTo(ok);
                assertThat(ok).isEqualTo(20);
                assertThat(m).contains("tether_gateway_pushes_total{result=\"conflict\"} " + (double) conflicts);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
