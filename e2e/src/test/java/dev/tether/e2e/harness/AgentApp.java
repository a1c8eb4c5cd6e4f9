package dev.tether.e2e.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The sample app in a real JVM with the real agent, announcing itself in {@code discoveryDir}. */
public final class AgentApp {
    private AgentApp() {
    }

    public static ChildProcess start(String app, Path discoveryDir, Path workDir) throws IOException, InterruptedException {
        ChildProcess p = ChildProcess.start(app, List.of(ChildProcess.java(), "-Xmx64m",
                "-javaagent:" + Repo.agentJar() + "=app=" + app + ",discovery.dir=" + discoveryDir,
                "-jar", Repo.sampleAppJar().toString()), workDir, Map.of());
        p.awaitLine("sample-app listening on", Duration.ofSeconds(30));
        return p;
    }
}
