package dev.tether.tray.core;

import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.Sample;
import dev.tether.protocol.text.ExpositionFormat;
import dev.tether.protocol.text.ExpositionParser;
import dev.tether.tray.config.ProxySetting;
import dev.tether.tray.config.StaticTarget;
import dev.tether.tray.config.TraySettings;
import dev.tether.tray.status.GatewayStatus;
import dev.tether.tray.status.TargetStatus;
import dev.tether.tray.status.TrayStatus;
import dev.tether.tray.testing.MutableClock;
import dev.tether.tray.testing.RecordingLog;
import dev.tether.tray.testing.RecordingServer;
import dev.tether.tray.testing.RecordingServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The core against real loopback servers: agents' endpoints, discovery files with real PIDs, gateways. */
class ForwarderTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String SHOP_METRICS = "# HELP requests_total Requests.\n# TYPE requests_total counter\n"
            + "requests_total{route=\"/buy\"} 7 1700000000000\n# TYPE shared_gauge gauge\nshared_gauge 1\n";
    private static final String BILLING_METRICS = "# TYPE requests_total counter\nrequests_total{route=\"/pay\"} 3\n"
            + "# TYPE shared_gauge gauge\nshared_gauge 2\n";
    private static final String NODE_METRICS = "# TYPE shared_gauge counter\nshared_gauge 9\n# TYPE node_load1 gauge\nnode_load1 0.5\n";

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<Process> children = new ArrayList<>();
    private Forwarder forwarder;

    @AfterEach
    void tearDown() throws Exception {
        if (forwarder != null) {
            forwarder.close();
        }
        for (AutoCloseable c : closeables) {
            c.close();
        }
        for (Process p : children) {
            p.destroyForcibly().waitFor();
        }
    }

    private RecordingServer server(Answer a) throws Exception {
        RecordingServer s = new RecordingServer(r -> a);
        closeables.add(s);
        return s;
    }

    private RecordingServer gateway() throws Exception {
        RecordingServer s = RecordingServer.gateway();
        closeables.add(s);
        return s;
    }

    private Process child() throws Exception {
        Process p = new ProcessBuilder("sleep", "60").start();
        children.add(p);
        return p;
    }

    private Path agentFile(long pid, String app, RecordingServer endpoint) throws Exception {
        Path f = dir.resolve(pid + ".json");
        Files.writeString(f, "{\"pid\":" + pid + ",\"url\":\"" + endpoint.url("/metrics") + "\",\"app\":\"" + app
                + "\",\"startedAt\":\"" + java.time.Instant.now() + "\",\"agentVersion\":\"0.1.0-SNAPSHOT\",\"jvm\":\"17\"}");
        return f;
    }

    private TraySettings.Builder settings(Duration interval, RecordingServer... gateways) {
        TraySettings.Builder b = TraySettings.builder().host("box-1").interval(interval).discoveryDir(dir)
                .proxy(ProxySetting.direct()).scrapeTimeout(Duration.ofMillis(500));
        for (RecordingServer g : gateways) {
            b.gateway(g.url().toString());
        }
        return b;
    }

    private Forwarder start(TraySettings s) throws Exception {
        forwarder = Forwarder.builder(s).log(log).env(Map.of()).build();
        forwarder.start();
        return forwarder;
    }

    private static List<MetricFamily> body(RecordingServer.Request r) throws Exception {
        byte[] text = new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes();
        return ExpositionParser.parse(text, ExpositionFormat.TEXT_004);
    }

    private static List<Sample> samples(List<MetricFamily> fs, String name) {
        List<Sample> out = new ArrayList<>();
        for (MetricFamily f : fs) {
            for (Sample s : f.samples()) {
                if (s.name().equals(name)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static double value(List<MetricFamily> fs, String name, String job) {
        return samples(fs, name).stream().filter(s -> job.equals(s.labels().get("job"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + "{job=" + job + "}")).value();
    }

    private static boolean isPut(RecordingServer.Request r) {
        return r.method().equals("PUT");
    }

    @Test
    void cycle_agentsAndStaticTarget_onePushWithLabelledMergedSeries() throws Exception {
        long shopPid = ProcessHandle.current().pid();
        Process billing = child();
        agentFile(shopPid, "shop", server(Answer.metrics(SHOP_METRICS)));
        agentFile(billing.pid(), "billing", server(Answer.metrics(BILLING_METRICS)));
        RecordingServer node = server(Answer.metrics(NODE_METRICS));
        RecordingServer gw = gateway();

        start(settings(Duration.ofSeconds(30), gw).target(new StaticTarget("node", node.url("/metrics"))).build());

        List<MetricFamily> fs = body(gw.awaitOne(ForwarderTest::isPut, WAIT));
        Set<String> names = new HashSet<>();
        for (MetricFamily f : fs) {
            assertThat(names.add(f.name())).as("family %s once", f.name()).isTrue();
        }
        assertThat(samples(fs, "requests_total")).hasSize(2).allSatisfy(s -> assertThat(s.hasTimestamp()).isFalse());
        Sample shop = samples(fs, "requests_total").stream().filter(s -> "shop".equals(s.labels().get("job"))).findFirst().orElseThrow();
        assertThat(shop.labels().get("instance")).isEqualTo("box-1:" + shopPid);
        assertThat(value(fs, "tether_target_up", "shop")).isEqualTo(1);
        assertThat(value(fs, "tether_target_up", "billing")).isEqualTo(1);
        assertThat(value(fs, "tether_target_up", "node")).isEqualTo(1);
        assertThat(samples(fs, "tether_target_up").stream().filter(s -> s.labels().get("job").equals("node")).findFirst()
                .orElseThrow().labels().get("instance")).isEqualTo("127.0.0.1:" + node.port());
        // node's shared_gauge is a counter where the agents said gauge: dropped and counted, node_load1 kept.
        assertThat(samples(fs, "shared_gauge")).hasSize(2);
        assertThat(samples(fs, "node_load1")).hasSize(1);
        assertThat(value(fs, "tether_target_series", "node")).isEqualTo(1);
        assertThat(value(fs, "tether_target_series", "shop")).isEqualTo(2);
        assertThat(value(fs, "tether_tray_type_conflicts_total", "tether-tray")).isEqualTo(1);
        assertThat(samples(fs, "tether_target_scrape_duration_seconds")).hasSize(3);
        assertThat(samples(fs, "tether_tray_push_failures_total")).singleElement()
                .satisfies(s -> assertThat(s.labels().get("gateway")).isEqualTo(gw.url().toString()));

        TrayStatus st = forwarder.status();
        assertThat(st.targets()).extracting(TargetStatus::job).contains("node", "shop", "billing");
        assertThat(st.targets().stream().filter(t -> t.job().equals("node")).findFirst().orElseThrow().conflicts())
                .singleElement().asString().contains("shared_gauge");
        assertThat(st.typeConflictsTotal()).isEqualTo(1);
    }

    @Test
    void cycle_agentKilled_upZeroAndSeriesGoneThenRemovedAfterRetention() throws Exception {
        Process p = child();
        Path file = agentFile(p.pid(), "billing", server(Answer.metrics(BILLING_METRICS)));
        RecordingServer gw = gateway();
        start(settings(Duration.ofMillis(300), gw).deadTargetRetention(Duration.ofMillis(900)).build());
        List<MetricFamily> first = body(gw.awaitOne(ForwarderTest::isPut, WAIT));
        assertThat(value(first, "tether_target_up", "billing")).isEqualTo(1);

        p.destroyForcibly().waitFor();

        List<RecordingServer.Request> puts = gw.await(r -> {
            try {
                return isPut(r) && samples(body(r), "tether_target_up").stream().anyMatch(s -> s.value() == 0);
            } catch (Exception e) {
                return false;
            }
        }, 1, WAIT);
        List<MetricFamily> afterKill = body(puts.get(0));
        assertThat(samples(afterKill, "requests_total")).isEmpty();
        awaitStatus(status -> status.targets().size() == 1 && status.targets().get(0).state() == TargetStatus.State.DEAD);
        assertThat(forwarder.status().targets()).singleElement().satisfies(t -> assertThat(t.state()).isEqualTo(TargetStatus.State.DEAD));

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(file).doesNotExist();
        Thread.sleep(700);
        List<RecordingServer.Request> all = gw.requests();
        assertThat(samples(body(all.get(all.size() - 1)), "tether_target_up")).isEmpty();
    }

    @Test
    void cycle_fakeClock_crashedAgentReportedUntilTheClockPassesTheRetention() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T06:00:00Z"));
        Process p = child();
        Path file = agentFile(p.pid(), "billing", server(Answer.metrics(BILLING_METRICS)));
        p.destroyForcibly().waitFor();
        RecordingServer gw = gateway();
        forwarder = Forwarder.builder(settings(Duration.ofMillis(200), gw).build()).clock(clock).log(log).env(Map.of()).build();
        forwarder.start();

        List<RecordingServer.Request> puts = gw.await(ForwarderTest::isPut, 3, WAIT);
        for (RecordingServer.Request r : puts) {
            assertThat(value(body(r), "tether_target_up", "billing")).isZero();
        }
        assertThat(file).exists();
        clock.advance(Duration.ofMinutes(59));
        int seen = gw.requests().size();
        gw.await(ForwarderTest::isPut, seen + 2, WAIT);
        assertThat(file).exists();

        clock.advance(Duration.ofMinutes(1));

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(file).doesNotExist();
        seen = gw.requests().size();
        List<RecordingServer.Request> after = gw.await(ForwarderTest::isPut, seen + 1, WAIT);
        assertThat(samples(body(after.get(after.size() - 1)), "tether_target_up")).isEmpty();
        awaitStatus(status -> clock.instant().equals(status.lastCycleAt()));
        assertThat(forwarder.status().lastCycleAt()).isEqualTo(clock.instant());
    }

    @Test
    void cycle_agentExitsCleanly_vanishesWithoutZero() throws Exception {
        Path file = agentFile(ProcessHandle.current().pid(), "shop", server(Answer.metrics(SHOP_METRICS)));
        RecordingServer gw = gateway();
        start(settings(Duration.ofMillis(300), gw).build());
        gw.awaitOne(ForwarderTest::isPut, WAIT);

        Files.delete(file);
        int before = gw.requests().size();
        List<RecordingServer.Request> later = gw.await(ForwarderTest::isPut, before + 2, WAIT);

        List<MetricFamily> last = body(later.get(later.size() - 1));
        assertThat(samples(last, "tether_target_up")).isEmpty();
        assertThat(samples(last, "requests_total")).isEmpty();
        assertThat(samples(last, "tether_tray_info")).hasSize(1);
    }

    @Test
    void push_oneGatewayHangs_otherGetsEveryCycleOnTime() throws Exception {
        RecordingServer slow = server(Answer.of(200, "{}").after(Duration.ofSeconds(4)));
        RecordingServer fast = gateway();
        start(settings(Duration.ofMillis(400), slow, fast).build());

        List<RecordingServer.Request> rs = fast.await(ForwarderTest::isPut, 3, Duration.ofMillis(2500));

        assertThat(rs).hasSize(3);
        assertThat(slow.requests()).hasSize(1);
        GatewayStatus fastStatus = forwarder.status().gateways().get(1);
        assertThat(fastStatus.state()).isEqualTo(GatewayStatus.State.OK);
        assertThat(fastStatus.latency()).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void pause_thenResume_pauseHeartbeatsThenPushAtOnce() throws Exception {
        RecordingServer gw = gateway();
        start(settings(Duration.ofMillis(600), gw).ttl(Duration.ofSeconds(5)).build());
        gw.awaitOne(ForwarderTest::isPut, WAIT);

        forwarder.pause();
        List<RecordingServer.Request> pauses = gw.await(r -> r.method().equals("POST"), 2, WAIT);
        assertThat(pauses.get(0).path()).isEqualTo("/api/v1/hosts/box-1/pause");
        assertThat(pauses.get(0).query()).isEqualTo("for=5s");
        assertThat(forwarder.status().paused()).isTrue();
        assertThat(forwarder.status().overall()).isEqualTo(TrayStatus.Overall.PAUSED);
        int putsWhilePaused = (int) gw.requests().stream().filter(ForwarderTest::isPut).count();

        forwarder.resume();
        List<RecordingServer.Request> puts = gw.await(ForwarderTest::isPut, putsWhilePaused + 1, WAIT);

        long sinceResume = puts.get(puts.size() - 1).atNanos() - pauses.get(pauses.size() - 1).atNanos();
        assertThat(sinceResume).isGreaterThan(0);
        assertThat(forwarder.status().paused()).isFalse();
        // Between the first pause and the resume, nothing but pause heartbeats went out.
        List<RecordingServer.Request> all = gw.requests();
        int firstPause = all.indexOf(pauses.get(0));
        int nextPut = all.indexOf(puts.get(puts.size() - 1));
        assertThat(all.subList(firstPause, nextPut)).allMatch(r -> r.method().equals("POST"));
    }

    @Test
    void resume_longInterval_pushesWithoutWaitingForTheInterval() throws Exception {
        RecordingServer gw = gateway();
        start(settings(Duration.ofSeconds(30), gw).build());
        gw.awaitOne(ForwarderTest::isPut, WAIT);
        forwarder.pause();
        gw.awaitOne(r -> r.method().equals("POST"), WAIT);

        forwarder.resume();

        gw.await(ForwarderTest::isPut, 2, Duration.ofSeconds(2));
    }

    @Test
    void stop_hangingGateway_goodbyeSentAndStopReturnsWithinTwoSeconds() throws Exception {
        RecordingServer ok = gateway();
        RecordingServer hanging = server(Answer.of(200, "{}").after(Duration.ofSeconds(10)));
        start(settings(Duration.ofSeconds(30), ok, hanging).build());
        ok.awaitOne(ForwarderTest::isPut, WAIT);

        long start = System.nanoTime();
        forwarder.stop();
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(tookMs).isLessThan(2300);
        RecordingServer.Request bye = ok.awaitOne(r -> r.method().equals("DELETE"), WAIT);
        assertThat(bye.path()).isEqualTo("/api/v1/hosts/box-1");
        assertThat(log.containing("goodbye to " + hanging.url())).singleElement().asString().contains("lapse after its TTL");
        assertThat(forwarder.status().running()).isFalse();
    }

    @Test
    void apply_gatewayReplaced_newOnePushedWithoutRestartAndOldOneToldGoodbye() throws Exception {
        RecordingServer a = gateway();
        RecordingServer b = gateway();
        start(settings(Duration.ofSeconds(30), a).build());
        a.awaitOne(ForwarderTest::isPut, WAIT);

        forwarder.apply(forwarder.settings().toBuilder().clearGateways().gateway(b.url().toString()).build());

        b.awaitOne(ForwarderTest::isPut, WAIT);
        a.awaitOne(r -> r.method().equals("DELETE"), WAIT);
        assertThat(forwarder.status().gateways()).extracting(GatewayStatus::url).containsExactly(b.url());
    }

    @Test
    void listener_everyCycle_receivesImmutableStatus() throws Exception {
        RecordingServer gw = gateway();
        List<TrayStatus> seen = new CopyOnWriteArrayList<>();
        forwarder = Forwarder.builder(settings(Duration.ofMillis(300), gw).build()).log(log).env(Map.of()).build();
        forwarder.addListener(seen::add);
        forwarder.start();
        gw.await(ForwarderTest::isPut, 2, WAIT);
        Thread.sleep(100);

        assertThat(seen).isNotEmpty();
        assertThat(seen.stream().anyMatch(s -> s.lastCycleAt() != null && !s.gateways().isEmpty()
                && s.gateways().get(0).state() == GatewayStatus.State.OK)).isTrue();
        assertThat(seen.get(seen.size() - 1).overall()).isEqualTo(TrayStatus.Overall.IDLE);
    }

    @Test
    void cycle_tokenFileReadableByOthers_warnsOnceAndSendsToken() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "tok-123\n");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
        RecordingServer gw = gateway();
        start(settings(Duration.ofMillis(300), gw).tokenFile(token).build());

        List<RecordingServer.Request> puts = gw.await(ForwarderTest::isPut, 2, WAIT);

        assertThat(puts).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer tok-123"));
        assertThat(log.containing("readable by other users")).hasSize(1);
        assertThat(log.containing("chmod 600")).hasSize(1);
    }

    @Test
    void cycle_tokenFilePrivate_noWarning() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "tok-123\n");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
        RecordingServer gw = gateway();
        start(settings(Duration.ofMillis(300), gw).tokenFile(token).build());
        gw.awaitOne(ForwarderTest::isPut, WAIT);
        assertThat(log.containing("readable by other users")).isEmpty();
    }

    @Test
    void cycle_targetServesGarbage_reportedDownAndLoopGoesOn() throws Exception {
        agentFile(ProcessHandle.current().pid(), "broken", server(Answer.metrics("{{{ not metrics")));
        Files.writeString(dir.resolve("77.json"), "{oops");
        RecordingServer gw = gateway();
        start(settings(Duration.ofMillis(300), gw).build());

        List<RecordingServer.Request> puts = gw.await(ForwarderTest::isPut, 3, WAIT);

        assertThat(value(body(puts.get(2)), "tether_target_up", "broken")).isZero();
        assertThat(forwarder.status().targets()).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(TargetStatus.State.DOWN);
            assertThat(t.error()).startsWith("unparsable metrics");
        });
        assertThat(log.containing("77.json")).hasSize(1);
        // Three cycles down for the same reason: one line.
        assertThat(log.containing("target broken/box-1:")).singleElement().asString().contains("is down: unparsable metrics");
    }

    /**
     * A push reaches the gateway before its cycle records itself in the status, so a test that saw
     * the push waits for the status too (bounded), and then asserts on it.
     */
    private void awaitStatus(java.util.function.Predicate<TrayStatus> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.test(forwarder.status()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
