package dev.tether.gateway.http;

import dev.tether.gateway.testing.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The one test on the real clock: a 1 s TTL lapses by itself, with no clock moved by hand. */
class RealTimeExpiryTest {
    @TempDir
    Path dir;

    @Test
    void put_oneSecondTtl_lapsesOnItsOwn() throws Exception {
        try (TestGateway gw = TestGateway.start(dir, Clock.systemUTC(), b -> b.minTtl(Duration.ofSeconds(1)))) {
            gw.client.put("alpha", "# TYPE x gauge\nx 1\n", "Tether-TTL", "1s");
            assertThat(gw.client.metrics()).contains("x{host=\"alpha\"} 1.0").contains("tether_host_up{host=\"alpha\"} 1.0");

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String m = gw.client.metrics();
            while (m.contains("x{host=\"alpha\"}") && System.nanoTime() < deadline) {
                Thread.sleep(50);
                m = gw.client.metrics();
            }
            assertThat(m).doesNotContain("x{host=\"alpha\"}").contains("tether_host_up{host=\"alpha\"} 0.0");
            Thread.sleep(300);
            assertThat(gw.client.metrics()).contains("tether_gateway_expirations_total 1.0");
        }
    }
}
