package dev.tether.agent.it;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar tether-agent.jar attach <pid>} into a JVM that started without the agent. */
class AttachIT {
    @TempDir
    Path tmp;

    @OnEachJdk
    void attach_runningJvm_servesAndAnnounces_secondAttachIgnored(Jdk jdk) throws Exception {
        Path dir = tmp.resolve("agents");
        // JDK 21+ warns about agents loaded into a running JVM unless the JVM allows it up front.
        try (ChildJvm app = ChildJvm.builder(jdk, tmp).jvmArg("-XX:+EnableDynamicAgentLoading").mode("wait").start()) {
            app.awaitStdout("app-started");
            try (ChildJvm attach = attach(jdk, app.pid(), "app=attached,discovery.dir=" + dir)) {
                assertThat(attach.awaitExit()).as(attach.stderr()).isZero();
                assertThat(attach.stdout()).isEqualTo("tether-agent: loaded into " + app.pid() + "\n");
            }
            Announcement a = Announcement.await(dir, app);
            assertThat(a.app()).isEqualTo("attached");
            assertThat(a.scrape()).contains("tether_agent_info{app=\"attached\"", "jvm_memory_bytes_used");
            assertThat(app.stderr()).isEmpty();

            try (ChildJvm again = attach(jdk, app.pid(), "discovery.dir=" + dir)) {
                assertThat(again.awaitExit()).isZero();
            }
            app.send("threads");
            app.awaitStdout("threads-end");
            assertThat(app.stderr()).isEqualTo("tether-agent: already running in this JVM; the second start is ignored\n");
            assertThat(app.stdout().lines().filter(l -> l.startsWith("thread tether-http ")).count()).isEqualTo(1);

            app.send("exit");
            assertThat(app.awaitExit()).isZero();
            assertThat(Announcement.file(dir, app.pid())).doesNotExist();
        }
    }

    private ChildJvm attach(Jdk jdk, long pid, String options) throws Exception {
        return ChildJvm.launch(List.of(jdk.java(), "-jar", BuildOutputs.agentJar(), "attach", Long.toString(pid), options),
                tmp, Map.of());
    }
}
