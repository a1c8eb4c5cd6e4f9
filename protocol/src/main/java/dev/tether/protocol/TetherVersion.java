package dev.tether.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of Tether this library was built as, read from a resource filtered by Maven. */
public final class TetherVersion {
    private static final String VERSION = load();

    private TetherVersion() {
    }

    /** The project version, such as {@code 0.1.0-SNAPSHOT}, or {@code unknown} outside a built jar. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = TetherVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
