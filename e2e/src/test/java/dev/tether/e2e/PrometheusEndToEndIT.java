package dev.tether.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tether.e2e.harness.AgentApp;
import dev.tether.e2e.harness.ChildProcess;
import dev.tether.e2e.harness.Eventually;
import dev.tether.e2e.harness.Gateway;
import dev.tether.e2e.harness.PrometheusServer;
import dev.tether.e2e.harness.PrometheusServer.Series;
import dev.tether.e2e.harness.Repo;
import dev.tether.e2e.harness.Tray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain a user runs, asserted through a real Prometheus: two agent JVMs, the headless tray
 * (interval 1 s, TTL 3 s), the gateway, and Prometheus scraping it every second with
 * {@code honor_labels: true} and the alert rules from {@code docs/alerts}. Step 3 is the
 * Pushgateway's failure that Tether exists to fix: a dead host must not flat-line.
 */
class PrometheusEndToEndIT {
    private static final String HOST = "e2e-host";
    private static final String APP_SERIES = "{host=\"" + HOST + "\",job=~\"orders|billing\"}";

    @TempDir
    Path work;

    @BeforeAll
    static void requirePrometheus() {
        assumeTrue(PrometheusServer.installed(), "skipped: no /usr/bin/prometheus. Install Debian's 'prometheus' package "
                + "(apt-get install prometheus) to run the end-to-end test; .ci/run does.");
    }

    @Test
    void chain_crashesRestartAndPause_prometheusSeesLivenessWithoutFlatLines() throws Exception {
        Path agents = Files.createDirectories(work.resolve("agents"));
        Tray tray = null;
        try (Gateway gateway = Gateway.start(work);
             PrometheusServer prom = PrometheusServer.start(gateway.hostPort(), Repo.alertRules(), Files.createDirectories(work.resolve("prom")));
             ChildProcess orders = AgentApp.start("orders", agents, work);
             ChildProcess billing = AgentApp.start("billing", agents, work)) {
            tray = Tray.start(gateway, HOST, agents, work, "1s", "3s");

            // 1. Both JVMs' metrics are queryable with host, job and instance; the host is up.
            Eventually.within(Duration.ofSeconds(30), "both JVMs in Prometheus", () -> {
                List<Series> info = prom.query("tether_agent_info{host=\"" + HOST + "\"}");
                Optional<Double> up = prom.scalar("tether_host_up{host=\"" + HOST + "\"}");
                if (info.size() != 2 || up.isEmpty() || up.get() != 1.0) {
                    return "agent info " + info + ", host up " + up;
                }
                for (Series s : info) {
                    long pid = s.label("job").equals("orders") ? orders.pid() : billing.pid();
                    if (!(HOST + ":" + pid).equals(s.label("instance"))) {
                        return "wrong instance on " + s;
                    }
                }
                return null;
            });

            // 2. kill -9 one JVM: its series go stale within 2 intervals, its target reports 0.
            billing.kill9();
            Duration stale = Eventually.within(Duration.ofSeconds(4), "billing's series to go stale", () -> {
                List<Series> left = prom.query("{host=\"" + HOST + "\",job=\"billing\",__name__!~\"tether_target_.*\"}");
                Optional<Double> up = prom.scalar("tether_target_up{host=\"" + HOST + "\",job=\"billing\"}");
                return left.isEmpty() && up.isPresent() && up.get() == 0.0 ? null : left.size() + " series left, target up " + up;
            });
            System.out.println("step 2: crashed JVM stale in Prometheus after " + stale.toMillis() + " ms");

            // 3. kill -9 the tray: within TTL + 2 s the host is down and none of its app series remain.
            tray.process().kill9();
            Duration lapse = Eventually.within(Duration.ofSeconds(3 + 2), "tether_host_up 0 and no flat-lining", () -> {
                Optional<Double> up = prom.scalar("tether_host_up{host=\"" + HOST + "\"}");
                List<Series> app = prom.query(APP_SERIES);
                return up.isPresent() && up.get() == 0.0 && app.isEmpty() ? null : "host up " + up + ", app series " + app.size();
            });
            System.out.println("step 3: dead host visible in Prometheus after " + lapse.toMillis() + " ms");
            Eventually.within(Duration.ofSeconds(5), "TetherHostDown to fire", () ->
                    prom.query("ALERTS{alertname=\"TetherHostDown\",host=\"" + HOST + "\",alertstate=\"firing\"}").size() == 1
                            ? null : "not firing");

            // 4. Start the tray again: the host is back.
            tray.close();
            tray = Tray.start(gateway, HOST, agents, work, "1s", "3s");
            Eventually.within(Duration.ofSeconds(10), "tether_host_up back to 1", () -> {
                Optional<Double> up = prom.scalar("tether_host_up{host=\"" + HOST + "\"}");
                return up.isPresent() && up.get() == 1.0 ? null : "host up " + up;
            });
            Eventually.within(Duration.ofSeconds(5), "TetherHostDown to resolve", () ->
                    prom.query("ALERTS{alertname=\"TetherHostDown\",host=\"" + HOST + "\"}").isEmpty() ? null : "still active");

            // 5. Pause: paused is 1, up is never 0, and the alert stays quiet past the TTL.
            tray.pause();
            Eventually.within(Duration.ofSeconds(5), "tether_host_paused 1", () -> {
                Optional<Double> paused = prom.scalar("tether_host_paused{host=\"" + HOST + "\"}");
                return paused.isPresent() && paused.get() == 1.0 ? null : "paused " + paused;
            });
            long quietUntil = System.nanoTime() + Duration.ofSeconds(3 + 3).toNanos();
            while (System.nanoTime() < quietUntil) {
                assertThat(prom.scalar("tether_host_up{host=\"" + HOST + "\"}")).as("tether_host_up while paused")
                        .satisfiesAnyOf(v -> assertThat(v).isEmpty(), v -> assertThat(v).contains(1.0));
                assertThat(prom.query("ALERTS{alertname=\"TetherHostDown\",host=\"" + HOST + "\"}")).as("alerts while paused").isEmpty();
                Thread.sleep(250);
            }
        } finally {
            if (tray != null) {
                tray.close();
            }
        }
    }
}
