package dev.tether.agent;

import java.io.InputStream;
import java.util.Properties;

/** The agent's own version, filtered into {@code version.properties} by the build. */
public final class AgentVersion {
    private static final String VERSION = load();

    private AgentVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        Properties p = new Properties();
        try (InputStream in = AgentVersion.class.getResourceAsStream("/dev/tether/agent/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (Exception e) {
            // A missing version must not stop the agent; "unknown" says enough.
        }
        return p.getProperty("version", "unknown");
    }
}
