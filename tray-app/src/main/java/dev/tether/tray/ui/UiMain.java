package dev.tether.tray.ui;

import dev.tether.tray.config.TraySettings;
import dev.tether.tray.core.Forwarder;
import dev.tether.tray.headless.HeadlessMain;
import dev.tether.tray.headless.HeadlessTray;
import dev.tether.tray.log.TrayLog;
import dev.tether.tray.ui.settings.Autostart;
import dev.tether.tray.ui.tray.AwtTrayIcon;
import dev.tether.tray.ui.tray.TrayIconPort;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The UI's process main, with the fallbacks: no display at all runs headless (and says so); a
 * display without a system tray opens the window instead of an icon (and says why, in the window).
 */
public final class UiMain {
    static final String NO_TRAY_REASON = "This desktop has no system tray (GNOME needs an AppIndicator/tray "
            + "extension; a bare X server has none), so Tether shows this window instead of a tray icon. "
            + "Closing it quits Tether and says goodbye to the gateways.";

    private UiMain() {
    }

    /**
     * Starts the UI and blocks until Quit.
     *
     * @param settingsFile where Settings… saves
     * @return the exit code
     */
    public static int run(TraySettings settings, Path settingsFile, PrintStream out, PrintStream err) {
        String noDisplay = noDisplayReason();
        if (noDisplay == null) {
            noDisplay = startToolkit();
        }
        if (noDisplay != null) {
            out.println("tether-tray: " + noDisplay + "; falling back to headless mode (--headless)");
            if (settings.gateways().isEmpty()) {
                err.println("tether-tray: no gateway: give --gateway URL (or gateway= in " + settingsFile + ")");
                return 2;
            }
            return HeadlessMain.run(settings);
        }
        TrayLog log = TrayLog.stdout();
        HeadlessTray core;
        try {
            // The headless front brings --status-listen along, so /status works in UI mode too.
            core = HeadlessTray.start(Forwarder.builder(settings).log(log));
        } catch (IOException | RuntimeException e) {
            log.warn("cannot start: " + e.getMessage());
            Platform.exit();
            return 1;
        }
        TrayIconPort tray = null;
        String noTray = null;
        if (AwtTrayIcon.supported()) {
            tray = new AwtTrayIcon();
        } else {
            noTray = NO_TRAY_REASON;
            out.println("tether-tray: no system tray on this desktop; showing the window instead");
        }
        CountDownLatch quit = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            core.close();
            quit.countDown();
        }, "tether-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        TrayApp app = new TrayApp(core.forwarder(), core, tray, settingsFile,
                Autostart.forUser(System.getenv(), System.getProperty("user.home")), Clock.systemUTC(), () -> {
                    Platform.exit();
                    quit.countDown();
                });
        String reason = noTray;
        Platform.runLater(() -> app.start(new Stage(), reason));
        try {
            quit.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        return 0;
    }

    /** Why there is no display at all, or null when there may be one. */
    static String noDisplayReason() {
        if (GraphicsEnvironment.isHeadless()) {
            return "no display (DISPLAY is not set)";
        }
        return null;
    }

    /** Starts JavaFX; returns why it could not, or null. */
    private static String startToolkit() {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<String> failure = new AtomicReference<>();
        try {
            Platform.startup(started::countDown);
            Platform.setImplicitExit(false);
        } catch (IllegalStateException e) {
            return null; // already running (tests)
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            failure.set("cannot open the display (" + e.getMessage() + ")");
            return failure.get();
        }
        try {
            if (!started.await(30, TimeUnit.SECONDS)) {
                return "the display did not answer within 30 s";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return null;
    }
}
