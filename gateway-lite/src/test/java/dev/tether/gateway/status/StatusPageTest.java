package dev.tether.gateway.status;

import dev.tether.gateway.testing.MutableClock;
import dev.tether.gateway.testing.TestGateway;
import dev.tether.protocol.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The page as served, without a browser: the table that works without JavaScript, and escaping. */
class StatusPageTest {
    static final String XSS = "<script>window.pwned=1</script>";
    static final String ALPHA = "# TYPE tether_target_up gauge\n"
            + "tether_target_up{job=\"" + XSS + "\",instance=\"alpha:1\"} 1\n"
            + "tether_target_up{job=\"node\",instance=\"localhost:9100\"} 0\n"
            + "# TYPE jvm_threads gauge\njvm_threads{job=\"billing\"} 12\n";

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    TestGateway gw;

    @BeforeEach
    void start() {
        gw = TestGateway.start(dir, clock, b -> b, StatusPage.extension());
        gw.client.put("alpha", ALPHA, "Tether-TTL", "1h");
        gw.client.put("beta", "# TYPE x gauge\nx 1\n", "Tether-TTL", "10s");
        gw.client.pause("gamma", "30m");
        gw.client.put("delta", "# TYPE x gauge\nx 2\n");
        gw.client.delete("delta");
        clock.advance(Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    @Test
    void page_hostsInEveryState_tableWithBadgesAndSummary() {
        HttpResponse<String> r = gw.client.get("/");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'sha256-");
        assertThat(r.body())
                .contains("<tr data-host=\"alpha\" data-state=\"up\">")
                .contains("<span class=\"badge badge-expired\">expired</span>")
                .contains("data-host=\"gamma\" data-state=\"paused\"")
                .contains("data-host=\"delta\" data-state=\"left\"")
                .contains("<td title=\"2026-01-01T00:00:00Z\">20s ago</td>")
                .contains("<td class=\"num\">59m 40s</td>")
                .contains("4 hosts: 1 up \u00b7 1 expired \u00b7 1 paused \u00b7 1 left")
                .doesNotContain("pwned");
    }

    @Test
    void page_hostSelected_detailsEscapeLabelValues() {
        String body = gw.client.get("/?host=alpha").body();

        assertThat(body)
                .contains("<td class=\"target-job\">&lt;script&gt;window.pwned=1&lt;/script&gt;</td>")
                .contains("<td class=\"target-instance\">localhost:9100</td><td class=\"target-down\">0</td>")
                .contains("<code class=\"family-name\">jvm_threads</code>")
                .doesNotContain(XSS);
        assertThat(gw.client.get("/?host=%3Cb%3E").body()).contains("No host <code>&lt;b&gt;</code>");
    }

    @Test
    @SuppressWarnings("unchecked")
    void hostDetails_knownHost_familiesAndTargets() throws Exception {
        HttpResponse<String> r = gw.client.get("/api/v1/hosts/alpha");

        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Object> d = Json.parseObject(r.body());
        assertThat(d).containsEntry("host", "alpha").containsEntry("state", "up");
        assertThat((List<Map<String, Object>>) d.get("families")).extracting(f -> f.get("name"))
                .containsExactly("jvm_threads", "tether_target_up");
        assertThat((List<Map<String, Object>>) d.get("targets")).hasSize(2).first()
                .satisfies(t -> assertThat(t).containsEntry("job", XSS).containsEntry("instance", "alpha:1"));
    }

    @Test
    void hostDetails_unknownHost_404AndCoreRoutesUnchanged() {
        assertThat(gw.client.get("/api/v1/hosts/nobody").statusCode()).isEqualTo(404);
        assertThat(gw.client.get("/api/v1/hosts").body()).contains("\"host\":\"alpha\"");
        assertThat(gw.client.put("epsilon", "# TYPE x gauge\nx 3\n").statusCode()).isEqualTo(200);
        assertThat(gw.client.delete("epsilon").statusCode()).isEqualTo(200);
    }
}
