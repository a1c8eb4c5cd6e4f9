package dev.tether.agent.it;

import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent in a real JVM: it serves, announces itself, leaves no trace and does not slow the exit. */
class AgentEndpointIT {
    @TempDir
    Path tmp;

    @OnEachJdk
    void javaagent_defaultOptions_servesJvmMetricsAnnouncesAndCleansUp(Jdk jdk) throws Exception {
        Path dir = tmp.resolve("agents");
        try (ChildJvm app = ChildJvm.builder(jdk, tmp).agent(null).env("TETHER_DISCOVERY_DIR", dir.toString()).mode("wait").start()) {
            app.awaitStdout("app-started");
            Announcement a = Announcement.await(dir, app);

            assertThat(a.pid()).isEqualTo(app.pid());
            assertThat(a.app()).isEqualTo("TestApp");
            assertThat(a.agentVersion()).isEqualTo(System.getProperty("tether.it.version", a.agentVersion())).isNotEqualTo("unknown");
            assertThat(app.stdout()).contains(" java=" + a.jvm() + "\n");
            assertThat(Instant.parse(a.startedAt())).isBetween(Instant.now().minus(Duration.ofMinutes(2)), Instant.now());

            String metrics = a.scrape();
            assertThat(metrics).contains(
                    "jvm_memory_bytes_used{area=\"heap\",}",
                    "jvm_memory_pool_bytes_used{",
                    "jvm_gc_collection_seconds_count{",
                    "jvm_threads_current ",
                    "jvm_classes_currently_loaded ",
                    "jvm_buffer_pool_used_bytes{",
                    "jvm_compilation_time_seconds_total{compiler=\"HotSpot 64-Bit Tiered Compilers\",}",
                    "process_cpu_seconds_total ",
                    "jvm_info{",
                    "tether_agent_info{app=\"TestApp\",version=\"" + a.agentVersion() + "\",} 1.0");

            HttpResponse<String> open = a.get(a.url(), "application/openmetrics-text; version=1.0.0");
            assertThat(open.headers().firstValue("content-type")).hasValue("application/openmetrics-text; version=1.0.0; charset=utf-8");
            assertThat(open.body()).contains("# TYPE tether_agent info").endsWith("# EOF\n");

            app.send("exit");
            assertThat(app.awaitExit()).isZero();
            assertThat(Announcement.file(dir, app.pid())).doesNotExist();
            assertThat(app.stderr()).as("stderr on " + jdk).isEmpty();
        }
    }

    @OnEachJdk
    void javaagent_afterScrape_everyAgentThreadIsADaemonNamedTether(Jdk jdk) throws Exception {
        Path dir = tmp.resolve("agents");
        try (ChildJvm app = ChildJvm.builder(jdk, tmp).agent("discovery.dir=" + dir).mode("wait").start()) {
            Announcement.await(dir, app).scrape();
            app.send("threads");
            app.awaitStdout("threads-end");
            List<String> agentThreads = app.stdout().lines().filter(l -> l.startsWith("thread tether-")).toList();
            assertThat(agentThreads).isNotEmpty().allSatisfy(l -> assertThat(l).endsWith(" daemon=true"));
            assertThat(agentThreads).anySatisfy(l -> assertThat(l).startsWith("thread tether-http "));
        }
    }

    @OnEachJdk
    void exit_afterServing_jvmEndsPromptlyAndLeavesNoFile(Jdk jdk) throws Exception {
        Path dir = tmp.resolve("agents");
        try (ChildJvm app = ChildJvm.builder(jdk, tmp).agent("discovery.dir=" + dir).mode("wait").start()) {
            Announcement.await(dir, app).scrape();
            app.send("exit");
            // Not a speed bar (that is the benchmark's job): a non-daemon thread or a server waiting out a
            // stop delay would hold the JVM for seconds or for ever.
            assertThat(app.waitForExit(Duration.ofSeconds(3))).as("exited within 3 s").isTrue();
            assertThat(Announcement.file(dir, app.pid())).doesNotExist();
            assertThat(app.stderr()).isEmpty();
        }
    }

    @OnEachJdk
    void exit_mainReturnsAtOnce_noFileLeftBehind(Jdk jdk) throws Exception {
        Path dir = tmp.resolve("agents");
        try (ChildJvm app = ChildJvm.builder(jdk, tmp).agent("discovery.dir=" + dir).mode("exit").start()) {
            assertThat(app.awaitExit()).isZero();
            assertThat(app.stdout()).contains("app-done");
            assertThat(Announcement.file(dir, app.pid())).doesNotExist();
            assertThat(app.stderr()).isEmpty();
        }
    }
}
