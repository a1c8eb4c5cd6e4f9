package dev.tether.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.e2e.harness.AgentApp;
import dev.tether.e2e.harness.ChildProcess;
import dev.tether.e2e.harness.Eventually;
import dev.tether.e2e.harness.Gateway;
import dev.tether.e2e.harness.Tray;
import dev.tether.protocol.model.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole forwarding loop with real processes and no Prometheus: two agent JVMs, the headless
 * tray (1 s interval) and the gateway. Asserts on the gateway's own /metrics.
 */
class ForwardingLoopIT {
    private static final String HOST = "loop-host";

    @TempDir
    Path work;

    @Test
    void loop_crashCleanExitPauseGoodbye_gatewayShowsEachTruthfully() throws Exception {
        Path agents = Files.createDirectories(work.resolve("agents"));
        try (Gateway gateway = Gateway.start(work);
             ChildProcess orders = AgentApp.start("orders", agents, work);
             ChildProcess billing = AgentApp.start("billing", agents, work);
             Tray tray = Tray.start(gateway, HOST, agents, work, "1s", "3s")) {

            // Both JVMs' series arrive, labelled with host, job and instance.
            Eventually.within(Duration.ofSeconds(15), "both agents' series at the gateway", () -> {
                List<Sample> info = gateway.scrape(s -> s.name().equals("tether_agent_info") && HOST.equals(s.labels().get("host")));
                if (info.size() != 2) {
                    return "tether_agent_info samples: " + info;
                }
                for (Sample s : info) {
                    String job = s.labels().get("job");
                    long pid = job.equals("orders") ? orders.pid() : billing.pid();
                    if (!(HOST + ":" + pid).equals(s.labels().get("instance"))) {
                        return "wrong instance on " + s;
                    }
                }
                return null;
            });
            assertThat(value(gateway, "tether_target_up", "orders")).isEqualTo(1.0);

            // kill -9: a crash. Its series are gone at the next push, and its target reports 0.
            orders.kill9();
            Duration crash = Eventually.within(Duration.ofSeconds(4), "the crashed JVM's series to go", () -> {
                List<Sample> left = gateway.scrape(s -> "orders".equals(s.labels().get("job"))
                        && !s.name().startsWith("tether_target_"));
                Double up = value(gateway, "tether_target_up", "orders");
                return left.isEmpty() && up != null && up == 0.0 ? null : "orders series " + left.size() + ", target up " + up;
            });
            System.out.println("crash visible at the gateway after " + crash.toMillis() + " ms");

            // A clean exit: the target vanishes, with no 0.
            billing.stop(Duration.ofSeconds(10));
            Eventually.within(Duration.ofSeconds(4), "the cleanly exited JVM to vanish", () -> {
                List<Sample> left = gateway.scrape(s -> "billing".equals(s.labels().get("job")));
                return left.isEmpty() ? null : "billing still has " + left.size() + " samples, e.g. " + left.get(0);
            });

            // Pause: the host shows as paused, not down.
            tray.pause();
            Eventually.within(Duration.ofSeconds(4), "tether_host_paused 1", () -> {
                Double paused = hostValue(gateway, "tether_host_paused");
                Double up = hostValue(gateway, "tether_host_up");
                return paused != null && paused == 1.0 && (up == null || up != 0.0) ? null : "paused " + paused + ", up " + up;
            });

            // A clean stop sends the goodbye: the host is gone at once, not left to lapse.
            tray.process().stop(Duration.ofSeconds(5));
            Duration goodbye = Eventually.within(Duration.ofSeconds(2), "the goodbye", () -> {
                List<Sample> left = gateway.scrape(s -> HOST.equals(s.labels().get("host")));
                return left.isEmpty() ? null : left.size() + " samples left, e.g. " + left.get(0);
            });
            assertThat(gateway.hostsJson()).contains("\"left\"");
            System.out.println("goodbye visible after " + goodbye.toMillis() + " ms");
        }
    }

    @Test
    void loop_trayKilled9_hostUpTurnsZeroWithinTtlPlusOneSecond() throws Exception {
        Path agents = Files.createDirectories(work.resolve("agents"));
        try (Gateway gateway = Gateway.start(work);
             ChildProcess app = AgentApp.start("orders", agents, work);
             Tray tray = Tray.start(gateway, HOST, agents, work, "1s", "3s")) {
            Eventually.within(Duration.ofSeconds(15), "tether_host_up 1", () -> {
                Double up = hostValue(gateway, "tether_host_up");
                return up != null && up == 1.0 ? null : "tether_host_up " + up;
            });
            tray.process().kill9();
            // The last push was at most one interval ago, so TTL + 1 s from the kill is the bar.
            Duration lapse = Eventually.within(Duration.ofSeconds(3 + 1), "tether_host_up 0", () -> {
                Double up = hostValue(gateway, "tether_host_up");
                List<Sample> appSeries = gateway.scrape(s -> HOST.equals(s.labels().get("host")) && s.labels().get("job") != null);
                return up != null && up == 0.0 && appSeries.isEmpty() ? null : "tether_host_up " + up + ", app series " + appSeries.size();
            });
            System.out.println("lapse visible after " + lapse.toMillis() + " ms");
        }
    }

    private static Double value(Gateway gateway, String name, String job) throws Exception {
        List<Sample> s = gateway.scrape(x -> x.name().equals(name) && job.equals(x.labels().get("job")) && HOST.equals(x.labels().get("host")));
        return s.isEmpty() ? null : s.get(0).value();
    }

    private static Double hostValue(Gateway gateway, String name) throws Exception {
        List<Sample> s = gateway.scrape(x -> x.name().equals(name) && HOST.equals(x.labels().get("host")));
        return s.isEmpty() ? null : s.get(0).value();
    }
}
