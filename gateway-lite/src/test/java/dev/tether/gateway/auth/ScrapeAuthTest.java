package dev.tether.gateway.auth;

import dev.tether.gateway.Gateway;
import dev.tether.gateway.config.GatewayConfig;
import dev.tether.gateway.testing.Http;
import dev.tether.gateway.testing.MutableClock;
import dev.tether.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** --scrape-token-file: reads need a token, probes stay open, pushes keep their own tokens. */
class ScrapeAuthTest {
    static final String PUSH = Tokens.newToken();
    static final String SCRAPE = Tokens.newToken();

    @TempDir
    Path dir;
    GatewaySecurity security;
    Gateway gw;
    Http http;

    @BeforeEach
    void start() throws Exception {
        Path push = Files.writeString(dir.resolve("tokens"), Tokens.hashLine(PUSH) + " *\n");
        Path scrape = Files.writeString(dir.resolve("scrape-tokens"), "# prometheus\n" + Tokens.hashLine(SCRAPE) + "\n");
        GatewayConfig config = TestGateway.config(dir.resolve("data"))
                .security(s -> s.tokensFile(push).scrapeTokenFile(scrape)).build();
        security = GatewaySecurity.load(config);
        gw = Gateway.start(config, MutableClock.at("2026-01-01T00:00:00Z"), security);
        http = new Http("http://127.0.0.1:" + gw.address().getPort());
    }

    @AfterEach
    void stop() {
        gw.close();
        security.close();
    }

    @Test
    void reads_withoutScrapeToken_401_withIt_served() {
        assertThat(http.push("web-1", PUSH).statusCode()).isEqualTo(200);
        String bearer = "Bearer " + SCRAPE;

        for (String path : new String[] {"/metrics", "/api/v1/hosts", "/"}) {
            assertThat(http.call("GET", path, null).statusCode()).as(path).isEqualTo(401);
            assertThat(http.call("GET", path, null, "Authorization", "Bearer " + PUSH).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(http.call("GET", "/metrics", null, "Authorization", bearer).body()).contains("x{host=\"web-1\"} 1.0")
                .contains("tether_gateway_auth_failures_total{reason=\"missing_token\"} 3.0")
                .contains("tether_gateway_auth_failures_total{reason=\"unknown_token\"} 3.0");
        assertThat(http.call("GET", "/api/v1/hosts", null, "Authorization", bearer).body()).contains("\"host\":\"web-1\"");
        // No status page in the core: past the token check, the router answers.
        assertThat(http.call("GET", "/", null, "Authorization", bearer).statusCode()).isEqualTo(404);
    }

    @Test
    void probes_open_andAScrapeTokenCannotPush() {
        assertThat(http.call("GET", "/-/healthy", null).statusCode()).isEqualTo(200);
        assertThat(http.call("GET", "/-/ready", null).statusCode()).isEqualTo(200);
        assertThat(http.push("web-1", SCRAPE).statusCode()).isEqualTo(401);
    }
}
