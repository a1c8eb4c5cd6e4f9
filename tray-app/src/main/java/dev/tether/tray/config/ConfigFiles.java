package dev.tether.tray.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the settings file lives when {@code --config} is not given: {@code $XDG_CONFIG_HOME/tether/tray.properties}
 * (default {@code ~/.config}) on Linux and other Unixes, {@code ~/Library/Application Support/tether/}
 * on macOS, {@code %APPDATA%\tether\} on Windows.
 */
public final class ConfigFiles {
    public static final String FILE_NAME = "tray.properties";

    private ConfigFiles() {
    }

    public static Path defaultFile(Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") && env.get("APPDATA") != null) {
            return Path.of(env.get("APPDATA"), "tether", FILE_NAME);
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "tether", FILE_NAME);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "tether", FILE_NAME);
        }
        return Path.of(userHome, ".config", "tether", FILE_NAME);
    }

    public static Path defaultFile() {
        return defaultFile(System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }
}
