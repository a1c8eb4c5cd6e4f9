package dev.tether.tray;

import dev.tether.protocol.TetherVersion;
import dev.tether.tray.config.CommandLine;
import dev.tether.tray.config.ConfigFiles;
import dev.tether.tray.config.UsageException;
import dev.tether.tray.headless.HeadlessMain;
import dev.tether.tray.ui.UiMain;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Entry point of {@code tether-tray.jar}: {@code --version}, {@code --help}, {@code --headless}; without
 * {@code --headless} the tray UI ({@link UiMain}), which falls back to headless when there is no display.
 */
public final class Main {
    /** A bad flag, key or value. */
    public static final int EXIT_USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        // Lets the system proxy settings (GNOME, Windows, macOS) apply when no proxy is configured.
        if (System.getProperty("java.net.useSystemProxies") == null) {
            System.setProperty("java.net.useSystemProxies", "true");
        }
        System.exit(run(args, null, System.out, System.err));
    }

    /**
     * Parses and runs; returns the exit code. Blocks while the tray runs.
     *
     * @param defaultConfig the settings file to read without {@code --config}; null for the platform's
     */
    static int run(String[] args, Path defaultConfig, PrintStream out, PrintStream err) {
        CommandLine cl;
        try {
            cl = defaultConfig == null ? CommandLine.parse(args) : CommandLine.parse(args, defaultConfig);
        } catch (UsageException e) {
            err.println("tether-tray: " + e.getMessage());
            err.println("run with --help for the flags");
            return EXIT_USAGE;
        }
        if (cl.version()) {
            out.println("tether-tray " + TetherVersion.get());
            return 0;
        }
        if (cl.help()) {
            out.println(CommandLine.USAGE);
            return 0;
        }
        if (!cl.headless()) {
            Path settingsFile = cl.configFile() != null ? cl.configFile()
                    : defaultConfig != null ? defaultConfig : ConfigFiles.defaultFile();
            return UiMain.run(cl.settings(), settingsFile, out, err);
        }
        if (cl.settings().gateways().isEmpty()) {
            err.println("tether-tray: no gateway: give --gateway URL (or gateway= in "
                    + (cl.configFile() != null ? cl.configFile() : "the settings file") + ")");
            return EXIT_USAGE;
        }
        return HeadlessMain.run(cl.settings());
    }
}
