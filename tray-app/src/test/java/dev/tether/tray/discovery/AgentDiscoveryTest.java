package dev.tether.tray.discovery;

import dev.tether.tray.testing.MutableClock;
import dev.tether.tray.testing.RecordingLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentDiscoveryTest {
    private static final Duration HOUR = Duration.ofHours(1);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T05:40:00Z"));
    private final RecordingLog log = new RecordingLog();
    private final Set<Long> alive = new HashSet<>();
    private final AgentDiscovery discovery = new AgentDiscovery(clock, (pid, started) -> alive.contains(pid), log);

    private static String agentJson(long pid, int port, String app) {
        return "{\"pid\":" + pid + ",\"url\":\"http://127.0.0.1:" + port + "/metrics\",\"app\":\"" + app
                + "\",\"startedAt\":\"2026-11-21T05:40:00Z\",\"agentVersion\":\"0.1.0-SNAPSHOT\",\"jvm\":\"17.0.15\"}";
    }

    private List<Target> discover() {
        return discovery.discover(List.of(dir), "box", HOUR);
    }

    @Test
    void discover_liveAgents_targetsLabelledAndSortedByPid() throws Exception {
        Files.writeString(dir.resolve("200.json"), agentJson(200, 40200, "billing"));
        Files.writeString(dir.resolve("100.json"), agentJson(100, 40100, "shop"));
        Files.writeString(dir.resolve("notes.txt"), "not a discovery file");
        alive.add(100L);
        alive.add(200L);

        List<Target> ts = discover();

        assertThat(ts).extracting(Target::job).containsExactly("shop", "billing");
        assertThat(ts.get(0).instance()).isEqualTo("box:100");
        assertThat(ts.get(0).url().toString()).isEqualTo("http://127.0.0.1:40100/metrics");
        assertThat(ts.get(0).isDead()).isFalse();
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void discover_malformedAndForeignFiles_skippedWithOneLineEachOnce() throws Exception {
        Files.writeString(dir.resolve("1.json"), "{not json");
        Files.writeString(dir.resolve("2.json"), "{\"name\":\"some other tool\",\"version\":3}");
        Files.writeString(dir.resolve("3.json"), agentJson(4, 4000, "wrong-name"));
        Files.writeString(dir.resolve("5.json"), "{\"pid\":5,\"url\":\"http://10.0.0.8:9100/metrics\",\"app\":\"remote\"}");
        Files.writeString(dir.resolve("6.json"), "[1,2,3]");
        Files.write(dir.resolve("7.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        Files.writeString(dir.resolve("8.json"), agentJson(8, 4008, "good"));
        alive.add(8L);

        List<Target> first = discover();
        List<Target> second = discover();

        assertThat(first).extracting(Target::job).containsExactly("good");
        assertThat(second).extracting(Target::job).containsExactly("good");
        assertThat(log.containing("skipping discovery file")).hasSize(6);
        assertThat(log.containing("1.json")).singleElement().asString().contains("not a JSON object");
        assertThat(log.containing("2.json")).singleElement().asString().contains("\"pid\"");
        assertThat(log.containing("3.json")).singleElement().asString().contains("does not match the file name");
        assertThat(log.containing("5.json")).singleElement().asString().contains("not an http URL with a port on loopback");
    }

    @Test
    void discover_refusedFileRewritten_readAgain() throws Exception {
        Path f = dir.resolve("9.json");
        Files.writeString(f, "{\"pid\":9,");
        alive.add(9L);
        assertThat(discover()).isEmpty();

        Files.writeString(f, agentJson(9, 4009, "fixed"));
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(discover()).extracting(Target::job).containsExactly("fixed");
    }

    @Test
    void discover_deadPid_reportedDeadForRetentionThenFileDeleted() throws Exception {
        Path f = dir.resolve("300.json");
        Files.writeString(f, agentJson(300, 40300, "crashed"));

        List<Target> first = discover();
        assertThat(first).singleElement().satisfies(t -> {
            assertThat(t.isDead()).isTrue();
            assertThat(t.deadSince()).isEqualTo(clock.instant());
        });
        assertThat(log.containing("crashed")).hasSize(1);

        clock.advance(HOUR.minusSeconds(1));
        assertThat(discover()).singleElement().matches(Target::isDead);
        assertThat(Files.exists(f)).isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(discover()).isEmpty();
        assertThat(Files.exists(f)).isFalse();
        assertThat(log.containing("removed")).hasSize(1);
    }

    @Test
    void discover_cleanExit_targetVanishesWithoutDeadState() throws Exception {
        Path f = dir.resolve("400.json");
        Files.writeString(f, agentJson(400, 40400, "leaving"));
        alive.add(400L);
        assertThat(discover()).hasSize(1);

        Files.delete(f);
        alive.remove(400L);

        assertThat(discover()).isEmpty();
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void discover_missingDir_loggedOnce() {
        Path missing = dir.resolve("not-yet");
        discovery.discover(List.of(missing), "box", HOUR);
        discovery.discover(List.of(missing), "box", HOUR);
        assertThat(log.containing("does not exist yet")).hasSize(1);
    }

    @Test
    void systemProbe_realExitedProcess_isDeadAndSelfIsAlive() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        ProcessProbe probe = ProcessProbe.system();
        assertThat(probe.isAlive(p.pid(), null)).isFalse();
        assertThat(probe.isAlive(ProcessHandle.current().pid(), Instant.now())).isTrue();
        // A PID that some process started long after the agent said it started has been reused.
        assertThat(probe.isAlive(ProcessHandle.current().pid(), Instant.parse("2000-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void reader_missingApp_refused() {
        assertThatThrownBy(() -> DiscoveryFileReader.parse("1.json", "{\"pid\":1,\"url\":\"http://127.0.0.1:1/metrics\"}"))
                .hasMessageContaining("no \"app\"");
        assertThatThrownBy(() -> DiscoveryFileReader.parse("1.json",
                "{\"pid\":1,\"url\":\"http://127.0.0.1:1/metrics\",\"app\":\"a\",\"startedAt\":\"yesterday\"}"))
                .hasMessageContaining("startedAt");
    }
}
