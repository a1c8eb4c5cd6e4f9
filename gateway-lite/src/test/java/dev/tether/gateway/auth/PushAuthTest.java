package dev.tether.gateway.auth;

import dev.tether.gateway.Gateway;
import dev.tether.gateway.GatewayExtension;
import dev.tether.gateway.http.GatewayServer;
import dev.tether.gateway.http.Responses;
import dev.tether.gateway.config.GatewayConfig;
import dev.tether.gateway.testing.Eventually;
import dev.tether.gateway.testing.Http;
import dev.tether.gateway.testing.LogCapture;
import dev.tether.gateway.testing.MutableClock;
import dev.tether.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;


/** Push tokens against the real server on loopback: 401, 403, 429, rotation, and what the log shows. */
class PushAuthTest {
    static final String LAPTOPS = Tokens.newToken();
    static final String ADMIN = Tokens.newToken();
    static final String LATER = Tokens.newToken();

    @TempDir
    Path dir;
    final LogCapture log = new LogCapture();
    final List<AutoCloseable> open = new ArrayList<>();
    Path tokens;
    GatewayExtension extra = GatewayExtension.NONE;

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        log.close();
        // Whatever a test did, no plain token reached the log.
        assertThat(log.all()).doesNotContain(LAPTOPS).doesNotContain(ADMIN).doesNotContain(LATER)
                .doesNotContain(LAPTOPS.substring(7)).doesNotContain(ADMIN.substring(7));
    }

    Http start(Consumer<GatewayConfig.Builder> tweak) throws Exception {
        tokens = dir.resolve("tokens");
        Files.writeString(tokens, "# test tokens\n" + Tokens.hashLine(LAPTOPS) + " laptop-*,build-01\n\n"
                + Tokens.hashLine(ADMIN) + " *\n");
        GatewayConfig.Builder b = TestGateway.config(dir.resolve("data"))
                .security(s -> s.tokensFile(tokens).tokensPollInterval(Duration.ofMillis(50)));
        tweak.accept(b);
        GatewayConfig config = b.build();
        GatewaySecurity security = GatewaySecurity.load(config);
        open.add(security);
        Gateway gw = Gateway.start(config, MutableClock.at("2026-01-01T00:00:00Z"), security.andThen(extra));
        open.add(gw);
        return new Http("http://127.0.0.1:" + gw.address().getPort());
    }

    @Test
    void push_missingOrUnknownToken_401AndStoreUnchanged() throws Exception {
        Http http = start(b -> { });

        HttpResponse<String> none = http.push("laptop-1", null);
        HttpResponse<String> unknown = http.push("laptop-1", Tokens.newToken());
        HttpResponse<String> notBearer = http.call("PUT", "/api/v1/hosts/laptop-1", "x 1\n", "Authorization", "Basic " + LAPTOPS);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("Authorization: Bearer");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"tether-gateway\"");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo("unknown token\n");
        assertThat(notBearer.statusCode()).isEqualTo(401);
        assertThat(http.call("POST", "/api/v1/hosts/laptop-1/pause", null).statusCode()).isEqualTo(401);
        assertThat(http.call("DELETE", "/api/v1/hosts/laptop-1", null).statusCode()).isEqualTo(401);
        String metrics = http.call("GET", "/metrics", null).body();
        assertThat(metrics).doesNotContain("laptop-1")
                .contains("tether_gateway_auth_failures_total{reason=\"missing_token\"} 4.0")
                .contains("tether_gateway_auth_failures_total{reason=\"unknown_token\"} 1.0");
    }

    @Test
    void push_hostOutsideTheTokensGlobs_403AndStoreUnchanged() throws Exception {
        Http http = start(b -> { });

        assertThat(http.push("laptop-7", LAPTOPS).statusCode()).isEqualTo(200);
        assertThat(http.push("build-01", LAPTOPS).statusCode()).isEqualTo(200);
        HttpResponse<String> other = http.push("build-02", LAPTOPS);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).isEqualTo("this token may not push host 'build-02'\n");
        // Another host's series cannot be touched either.
        assertThat(http.push("db-1", ADMIN).statusCode()).isEqualTo(200);
        assertThat(http.call("POST", "/api/v1/hosts/db-1/pause", null, "Authorization", "Bearer " + LAPTOPS).statusCode()).isEqualTo(403);
        assertThat(http.call("DELETE", "/api/v1/hosts/db-1", null, "Authorization", "Bearer " + LAPTOPS).statusCode()).isEqualTo(403);
        assertThat(http.call("DELETE", "/api/v1/hosts/laptop-7", null, "Authorization", "Bearer " + LAPTOPS).statusCode()).isEqualTo(200);

        String metrics = http.call("GET", "/metrics", null).body();
        assertThat(metrics).contains("tether_host_up{host=\"db-1\"} 1.0").contains("x{host=\"build-01\"} 1.0")
                .doesNotContain("build-02").contains("tether_gateway_auth_failures_total{reason=\"host_not_allowed\"} 3.0");
    }

    @Test
    void push_overTheRate_429WithRetryAfter_otherHostsAndHonestPacingUnaffected() throws Exception {
        Http http = start(b -> b.security(s -> s.maxPushRate(1.0).pushBurst(3)));

        for (int i = 0; i < 3; i++) {
            assertThat(http.push("laptop-1", LAPTOPS).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> over = http.push("laptop-1", LAPTOPS);

        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(over.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(over.body()).contains("push rate over the limit");
        // The same token for another of its hosts (a fleet sharing a token) is not slowed.
        assertThat(http.push("laptop-2", LAPTOPS).statusCode()).isEqualTo(200);
        Eventually.until(Duration.ofSeconds(5), () -> http.push("laptop-1", LAPTOPS).statusCode() == 200);
        assertThat(http.call("GET", "/metrics", null).body()).contains("tether_gateway_auth_failures_total{reason=\"rate_limited\"}");
    }

    @Test
    void laterStoreChangingRoute_guardedToo_withoutHostParameterNeedsAStarToken() throws Exception {
        // As the Pushgateway-compatible API would add itself: a route of its own, push = true.
        extra = (b, store, metrics, config) -> b
                .route(GatewayServer.PUT, "/metrics/job/{job}", ex -> Responses.text(ex, 200, "stored"), true, false)
                .route(GatewayServer.DELETE, "/x/{host}", ex -> Responses.text(ex, 200, "gone"), true, false);
        Http http = start(b -> { });

        assertThat(http.call("PUT", "/metrics/job/batch", "x 1\n").statusCode()).isEqualTo(401);
        HttpResponse<String> narrow = http.call("PUT", "/metrics/job/batch", "x 1\n", "Authorization", "Bearer " + LAPTOPS);
        assertThat(narrow.statusCode()).isEqualTo(403);
        assertThat(narrow.body()).contains("needs a token allowed for every host (*)");
        assertThat(http.call("PUT", "/metrics/job/batch", "x 1\n", "Authorization", "Bearer " + ADMIN).statusCode()).isEqualTo(200);
        assertThat(http.call("DELETE", "/x/laptop-1", null, "Authorization", "Bearer " + LAPTOPS).statusCode()).isEqualTo(200);
        assertThat(http.call("DELETE", "/x/db-1", null, "Authorization", "Bearer " + LAPTOPS).statusCode()).isEqualTo(403);
    }

    @Test
    void tokensFile_editedWhileRunning_newSetWithinAPoll_malformedEditKeepsTheLastGoodSet() throws Exception {
        Http http = start(b -> { });
        assertThat(http.push("laptop-1", LAPTOPS).statusCode()).isEqualTo(200);

        // Rotate: LAPTOPS out, LATER in (written whole, as an editor or a deploy would).
        Files.writeString(tokens, Tokens.hashLine(LATER) + " laptop-*\n" + Tokens.hashLine(ADMIN) + " *\n");
        Eventually.until(Duration.ofSeconds(5), () -> http.push("laptop-1", LAPTOPS).statusCode() == 401);
        assertThat(http.push("laptop-1", LATER).statusCode()).isEqualTo(200);

        // A broken edit (a plain token pasted by mistake) is logged and ignored.
        Files.writeString(tokens, LAPTOPS + " laptop-*\n");
        Eventually.until(Duration.ofSeconds(5), () -> log.all().contains("line 1: expected 'sha256:"));
        assertThat(http.push("laptop-1", LATER).statusCode()).isEqualTo(200);
        assertThat(http.push("laptop-1", LAPTOPS).statusCode()).isEqualTo(401);
        assertThat(log.all()).contains("keeping the previous 2 tokens");

        // A file that disappears keeps the last set too.
        Files.delete(tokens);
        Thread.sleep(200);
        assertThat(http.push("laptop-1", LATER).statusCode()).isEqualTo(200);
    }

    @Test
    void refusals_loggedOncePerSourcePerMinute_healthProbesOpen() throws Exception {
        Http http = start(b -> { });

        for (int i = 0; i < 20; i++) {
            http.push("laptop-1", i % 2 == 0 ? null : Tokens.newToken());
        }

        assertThat(log.lines().stream().filter(l -> l.contains("refused PUT"))).hasSize(1);
        assertThat(log.all()).contains("refused PUT /api/v1/hosts/laptop-1 from 127.0.0.1: missing_token");
        assertThat(http.call("GET", "/-/healthy", null).statusCode()).isEqualTo(200);
        assertThat(http.call("GET", "/-/ready", null).statusCode()).isEqualTo(200);
        assertThat(http.call("GET", "/api/v1/hosts", null).statusCode()).isEqualTo(200);
    }
}
