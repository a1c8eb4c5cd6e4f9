package dev.tether.agent.it;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** An app that ships simpleclient 0.9.0 and its own Byte Buddy works beside the agent, and the agent too. */
class ConflictingLibrariesIT {
    @TempDir
    Path tmp;

    @OnEachJdk
    void javaagent_appWithOldSimpleclientAndByteBuddy_bothWork(Jdk jdk) throws Exception {
        Path dir = tmp.resolve("agents");
        try (ChildJvm app = ChildJvm.builder(jdk, tmp).agent("discovery.dir=" + dir)
                .classPath(BuildOutputs.lib("simpleclient-0.9.0.jar"))
                .classPath(BuildOutputs.lib("simpleclient_common-0.9.0.jar"))
                .classPath(BuildOutputs.lib("byte-buddy-1.18.17.jar"))
                .mode("conflict").start()) {
            Announcement a = Announcement.await(dir, app);
            app.awaitStdout("app-bytebuddy");
            assertThat(app.stdout())
                    .containsPattern("app-simpleclient \\S*simpleclient-0\\.9\\.0\\.jar")
                    .contains("app-metric app_orders_total 1.0")
                    .containsPattern("app-bytebuddy \\S*byte-buddy-1\\.18\\.17\\.jar made by the app's Byte Buddy");

            // The agent's registry is its own: the app's metric is not in it, the JVM metrics are.
            assertThat(a.scrape()).contains("tether_agent_info", "jvm_threads_current").doesNotContain("app_orders_total");
            app.send("exit");
            assertThat(app.awaitExit()).isZero();
            assertThat(app.stderr()).isEmpty();
        }
    }
}
