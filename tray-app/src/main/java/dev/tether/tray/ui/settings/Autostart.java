package dev.tether.tray.ui.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * "Start at login", by the XDG autostart rules: the installers put
 * {@code /etc/xdg/autostart/tether-tray.desktop}; a user turns it off with a file of the same name in
 * {@code $XDG_CONFIG_HOME/autostart} that says {@code Hidden=true}, and on again by removing that file.
 */
public final class Autostart {
    public static final String FILE_NAME = "tether-tray.desktop";

    private final Path userFile;

    public Autostart(Path userAutostartDir) {
        this.userFile = userAutostartDir.resolve(FILE_NAME);
    }

    /** {@code $XDG_CONFIG_HOME/autostart}, default {@code ~/.config/autostart}. */
    public static Autostart forUser(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".config");
        return new Autostart(config.resolve("autostart"));
    }

    public Path userFile() {
        return userFile;
    }

    /** False only when the user's own entry hides the system one. */
    public boolean enabled() {
        if (!Files.isRegularFile(userFile)) {
            return true;
        }
        try {
            return Files.readAllLines(userFile, StandardCharsets.UTF_8).stream()
                    .noneMatch(l -> l.trim().replace(" ", "").equalsIgnoreCase("Hidden=true"));
        } catch (IOException e) {
            return true;
        }
    }

    public void setEnabled(boolean on) throws IOException {
        if (on) {
            Files.deleteIfExists(userFile);
            return;
        }
        Files.createDirectories(userFile.getParent());
        // Same name as the installers' entry; GNOME also reads X-GNOME-Autostart-enabled from here.
        Files.writeString(userFile, "[Desktop Entry]\nType=Application\nName=Tether\n"
                + "Exec=/opt/tether-tray/bin/tether-tray\nHidden=true\nX-GNOME-Autostart-enabled=false\n",
                StandardCharsets.UTF_8);
    }
}
