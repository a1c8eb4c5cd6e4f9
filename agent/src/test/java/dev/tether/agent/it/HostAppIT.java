package dev.tether.agent.it;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the app decides in its own main still holds with the agent on board. */
class HostAppIT {
    @TempDir
    Path tmp;

    @OnEachJdk
    void javaagent_appChoosesLogManagerAfterAgentIsReady_appsLogManagerWins(Jdk jdk) throws Exception {
        Path dir = tmp.resolve("agents");
        try (ChildJvm app = ChildJvm.builder(jdk, tmp).agent("discovery.dir=" + dir).mode("late-log-manager").mode(dir.toString()).start()) {
            app.awaitStdout("app-log-manager");
            assertThat(app.stdout()).contains("app-log-manager " + TestApp.AppLogManager.class.getName());
            // Scraping sets up the JVM metrics, which use java.util.logging: by now that is the app's.
            assertThat(Announcement.await(dir, app).scrape()).contains("jvm_threads_current", "process_cpu_seconds_total");
            app.send("exit");
            assertThat(app.awaitExit()).isZero();
            assertThat(app.stderr()).isEmpty();
        }
    }
}
