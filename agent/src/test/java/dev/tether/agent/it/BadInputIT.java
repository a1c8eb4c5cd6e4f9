package dev.tether.agent.it;

import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad options, a taken port, an unwritable discovery dir: one clear line each, and the app runs. */
class BadInputIT {
    private static final String OFF = "; the agent is off and the application runs without it";

    @TempDir
    Path tmp;

    @OnEachJdk
    void javaagent_unknownOption_oneLineAndAppRunsWithoutAgent(Jdk jdk) throws Exception {
        Path dir = tmp.resolve("agents");
        try (ChildJvm app = ChildJvm.builder(jdk, tmp).agent("prot=9400,discovery.dir=" + dir).mode("exit").start()) {
            assertThat(app.awaitExit()).isZero();
            assertThat(app.stdout()).contains("app-started", "app-done");
            assertThat(app.stderr()).isEqualTo("tether-agent: unknown option 'prot' (did you mean 'port'?)" + OFF + "\n");
            assertThat(dir).doesNotExist();
        }
    }

    @OnEachJdk
    void javaagent_badValueFromEnvironment_oneLineNamingTheVariable(Jdk jdk) throws Exception {
        try (ChildJvm app = ChildJvm.builder(jdk, tmp).agent(null).env("TETHER_PORT", "http").mode("exit").start()) {
            assertThat(app.awaitExit()).isZero();
            assertThat(app.stdout()).contains("app-done");
            assertThat(app.stderr()).isEqualTo("tether-agent: bad value 'http' for option 'port' (expected a port number from 0 to 65535;"
                    + " 0 picks a free one) from TETHER_PORT" + OFF + "\n");
        }
    }

    @OnEachJdk
    void javaagent_portTaken_oneLineAndServesOnAnotherPort(Jdk jdk) throws Exception {
        Path dir = tmp.resolve("agents");
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ChildJvm app = ChildJvm.builder(jdk, tmp).agent("port=" + taken.getLocalPort() + ",discovery.dir=" + dir).mode("wait").start()) {
            Announcement a = Announcement.await(dir, app);
            assertThat(a.url()).doesNotContain(":" + taken.getLocalPort() + "/");
            assertThat(a.scrape()).contains("tether_agent_info");
            assertThat(app.stderr()).startsWith("tether-agent: port " + taken.getLocalPort() + " on 127.0.0.1 is taken")
                    .endsWith("; serving on a free port instead\n");
            assertThat(app.stderr().lines()).hasSize(1);
        }
    }

    @OnEachJdk
    void javaagent_unwritableDiscoveryDir_oneLineAndEndpointStillServes(Jdk jdk) throws Exception {
        Path notADir = Files.createFile(tmp.resolve("not-a-dir"));
        try (ChildJvm app = ChildJvm.builder(jdk, tmp).agent("discovery.dir=" + notADir).mode("wait").start()) {
            app.awaitStdout("app-started");
            long deadline = System.nanoTime() + ChildJvm.TIMEOUT.toNanos();
            while (app.stderr().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            String line = app.stderr();
            assertThat(line.lines()).hasSize(1);
            assertThat(line).startsWith("tether-agent: cannot write the discovery file " + notADir.resolve(app.pid() + ".json"));
            Matcher m = Pattern.compile("metrics are still served at (\\S+)").matcher(line);
            assertThat(m.find()).isTrue();
            Announcement served = new Announcement(app.pid(), m.group(1), "", "", "", "");
            assertThat(served.scrape()).contains("jvm_threads_current");
            app.send("exit");
            assertThat(app.awaitExit()).isZero();
        }
    }
}
