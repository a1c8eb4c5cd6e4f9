package dev.tether.gateway.pushgateway;

import dev.tether.gateway.Gateway;
import dev.tether.gateway.auth.GatewaySecurity;
import dev.tether.gateway.auth.Tokens;
import dev.tether.gateway.config.GatewayConfig;
import dev.tether.gateway.testing.GatewayClient;
import dev.tether.gateway.testing.MutableClock;
import dev.tether.gateway.testing.TestGateway;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Gauge;
import io.prometheus.client.exporter.PushGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With {@code --tokens-file}, the Pushgateway routes (no {@code {host}} in them) take only a token
 * allowed every host ({@code *}); the real client sends it through its connection factory.
 */
class PushgatewayTokensTest {
    static final String ALL = Tokens.newToken();
    static final String LAPTOPS = Tokens.newToken();

    @TempDir
    Path dir;

    @Test
    void push_realClientWithTokens_starTokenOnly() throws Exception {
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, Tokens.hashLine(ALL) + " *\n" + Tokens.hashLine(LAPTOPS) + " laptop-*\n");
        GatewayConfig config = TestGateway.config(dir.resolve("data")).security(s -> s.tokensFile(tokens)).build();
        try (GatewaySecurity security = GatewaySecurity.load(config);
             Gateway gw = Gateway.start(config, MutableClock.at("2026-01-01T00:00:00Z"), security)) {
            String address = "127.0.0.1:" + gw.address().getPort();
            CollectorRegistry r = new CollectorRegistry();
            Gauge.build("batch_done", "Done.").register(r).set(1);

            assertThatThrownBy(() -> client(address, null).push(r, "nightly"))
                    .isInstanceOf(IOException.class).hasMessageContaining("401");
            assertThatThrownBy(() -> client(address, LAPTOPS).push(r, "nightly"))
                    .isInstanceOf(IOException.class).hasMessageContaining("403")
                    .hasMessageContaining("needs a token allowed for every host");
            client(address, ALL).push(r, "nightly");
            client(address, ALL).delete("other");

            assertThat(new GatewayClient("http://" + address).metrics())
                    .contains("batch_done{instance=\"\",job=\"nightly\"} 1.0\n");
        }
    }

    private static PushGateway client(String address, String token) {
        PushGateway pg = new PushGateway(address);
        pg.setConnectionFactory(url -> {
            HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
            if (token != null) {
                c.setRequestProperty("Authorization", "Bearer " + token);
            }
            return c;
        });
        return pg;
    }
}
