package dev.tether.gateway.http;

import dev.tether.gateway.Gateway;
import dev.tether.gateway.testing.GatewayClient;
import dev.tether.gateway.testing.MutableClock;
import dev.tether.gateway.testing.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The hooks later features build on: a push filter (tokens) and extra routes (status page). */
class ExtensionPointsTest {
    @TempDir
    Path dir;

    @Test
    void pushFilter_refusingFilter_storeUnchangedAndReadsStillServed() {
        MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
        try (Gateway gw = Gateway.start(TestGateway.config(dir).build(), clock, (b, store, metrics, config) -> b
                .pushFilter(next -> ex -> {
                    // Sees the routed host, as a token check would.
                    if (!"allowed".equals(Responses.pathParam(ex, "host"))) {
                        Responses.text(ex, 403, "host not allowed");
                        return;
                    }
                    next.handleRequest(ex);
                })
                .route(GatewayServer.GET, "/", ex -> Responses.json(ex, 200, ListHostsHandler.describe(store.view())), false, false))) {
            GatewayClient client = new GatewayClient("http://127.0.0.1:" + gw.address().getPort());

            assertThat(client.put("other", "# TYPE x gauge\nx 1\n").statusCode()).isEqualTo(403);
            assertThat(client.put("allowed", "# TYPE x gauge\nx 1\n").statusCode()).isEqualTo(200);
            assertThat(client.delete("other").statusCode()).isEqualTo(403);
            assertThat(client.metrics()).contains("x{host=\"allowed\"} 1.0").doesNotContain("other");
            assertThat(client.get("/").body()).contains("\"host\":\"allowed\"");
        }
    }
}
