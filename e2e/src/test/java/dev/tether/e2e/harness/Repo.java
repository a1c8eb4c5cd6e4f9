package dev.tether.e2e.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths to what the reactor built, found from the {@code tether.root} property that Failsafe sets. */
public final class Repo {
    private Repo() {
    }

    public static Path root() {
        return Path.of(System.getProperty("tether.root", "..")).toAbsolutePath().normalize();
    }

    public static Path agentJar() {
        return built("agent/target/tether-agent.jar");
    }

    public static Path gatewayJar() {
        return built("gateway-lite/target/tether-gateway.jar");
    }

    public static Path trayJar() {
        return built("tray-app/target/tether-tray.jar");
    }

    public static Path sampleAppJar() {
        return built("sample-app/target/tether-sample-app.jar");
    }

    public static Path alertRules() {
        return built("docs/alerts/tether.rules.yml");
    }

    private static Path built(String relative) {
        Path p = root().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p + " is missing: run the whole build (mvn -B verify) from the root");
        }
        return p;
    }
}
