package dev.tether.tray.ui;

import dev.tether.protocol.TetherVersion;
import dev.tether.tray.config.TraySettings;
import dev.tether.tray.core.Forwarder;
import dev.tether.tray.status.StatusJson;
import dev.tether.tray.status.TrayStatus;
import dev.tether.tray.ui.settings.Autostart;
import dev.tether.tray.ui.settings.SettingsView;
import dev.tether.tray.ui.settings.SettingsViewModel;
import dev.tether.tray.ui.state.Notification;
import dev.tether.tray.ui.state.NotificationThrottle;
import dev.tether.tray.ui.state.TrayPresentation;
import dev.tether.tray.ui.state.TrayStateViewModel;
import dev.tether.tray.ui.tray.MenuItem;
import dev.tether.tray.ui.tray.TrayIconPort;
import dev.tether.tray.ui.window.MainWindowView;
import dev.tether.tray.ui.window.MainWindowViewModel;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.awt.Desktop;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Wires the UI to the core: statuses go to the ViewModels on the FX thread, the tray icon gets the
 * debounced presentation (its port moves it to the AWT thread), and every action that may block
 * (pause, settings, goodbye, opening a browser) runs on one background thread, so no UI thread ever
 * waits on I/O.
 */
public final class TrayApp {
    private final Forwarder forwarder;
    private final AutoCloseable core;
    /** Null when the desktop has no tray, or refused the icon. */
    private TrayIconPort tray;
    private final Path settingsFile;
    private final Path defaultTokenFile;
    private final Autostart autostart;
    private final Runnable afterQuit;
    private final TrayStateViewModel stateVm;
    private final MainWindowViewModel windowVm;
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tether-ui-io");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<TrayStatus> incoming = new AtomicReference<>();
    private final AtomicBoolean quitting = new AtomicBoolean();

    private Stage window;
    private Stage settingsStage;
    private Timeline ticker;
    private TrayStatus latest;
    private TrayPresentation lastShown;

    /**
     * @param core closed on Quit: says goodbye (the forwarder, or the headless front that owns it)
     * @param tray the tray icon, or null when the desktop has none
     * @param afterQuit runs once everything is closed (the process main exits)
     */
    public TrayApp(Forwarder forwarder, AutoCloseable core, TrayIconPort tray, Path settingsFile, Autostart autostart,
            Clock clock, Runnable afterQuit) {
        this.forwarder = forwarder;
        this.core = core;
        this.tray = tray;
        this.settingsFile = settingsFile;
        this.defaultTokenFile = settingsFile.toAbsolutePath().getParent().resolve("token");
        this.autostart = autostart;
        this.afterQuit = afterQuit;
        this.stateVm = new TrayStateViewModel(clock, TrayStateViewModel.debounceFor(forwarder.settings().interval()),
                new NotificationThrottle(NotificationThrottle.DEFAULT_GAP));
        this.windowVm = new MainWindowViewModel(clock);
    }

    /**
     * Builds the window (shown now when there is no tray, or when no gateway is set) and starts
     * listening to the core. FX thread.
     *
     * @param noTrayReason why there is no tray icon, or null when there is one
     */
    public void start(Stage stage, String noTrayReason) {
        this.window = stage;
        if (tray != null) {
            try {
                tray.install(m -> Platform.runLater(() -> onMenu(m)));
            } catch (RuntimeException e) {
                forwarder.log().warn("no tray icon (" + e.getMessage() + "); showing the window instead");
                tray.close();
                tray = null;
                noTrayReason = "The system tray refused Tether's icon (" + e.getMessage() + "), so Tether shows "
                        + "this window instead. Closing it quits Tether and says goodbye to the gateways.";
            }
        }
        MainWindowView view = new MainWindowView(windowVm, this::togglePause, this::openSettings);
        stage.setTitle("Tether");
        stage.setScene(new Scene(view.root(), 980, 520));
        windowVm.setBanner(noTrayReason);
        if (tray == null) {
            // Without a tray the window is the only way back in: closing it quits.
            stage.setOnCloseRequest(e -> quit());
        } else {
            stage.setOnCloseRequest(e -> {
                e.consume();
                stage.hide();
            });
        }
        forwarder.addListener(s -> {
            if (incoming.getAndSet(s) == null) {
                Platform.runLater(this::drainStatus);
            }
        });
        incoming.set(forwarder.status());
        drainStatus();
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        if (tray == null) {
            stage.show();
        }
        if (forwarder.settings().gateways().isEmpty()) {
            stage.show();
            openSettings();
        }
    }

    /** A menu item was chosen. FX thread. */
    public void onMenu(MenuItem m) {
        switch (m) {
            case PAUSE_RESUME:
                togglePause();
                break;
            case OPEN_WINDOW:
                window.show();
                window.toFront();
                break;
            case OPEN_GATEWAY_PAGE:
                openGatewayPage();
                break;
            case SETTINGS:
                openSettings();
                break;
            case COPY_DIAGNOSTICS:
                copyDiagnostics();
                break;
            case QUIT:
                quit();
                break;
            case STATUS:
            default:
                break;
        }
    }

    public TrayStateViewModel stateViewModel() {
        return stateVm;
    }

    public MainWindowViewModel windowViewModel() {
        return windowVm;
    }

    /** Pause/Resume, off the FX thread (pausing tells the gateways). */
    public void togglePause() {
        io.execute(forwarder::togglePause);
    }

    /** Goodbye to the gateways (within 2 s, off the FX thread), then the tray icon goes and the process ends. */
    public void quit() {
        if (!quitting.compareAndSet(false, true)) {
            return;
        }
        if (ticker != null) {
            ticker.stop();
        }
        window.hide();
        if (settingsStage != null) {
            settingsStage.hide();
        }
        io.execute(() -> {
            try {
                core.close();
            } catch (Exception e) {
                forwarder.log().warn("while quitting: " + e.getMessage());
            }
            if (tray != null) {
                tray.close();
            }
            afterQuit.run();
        });
    }

    private void drainStatus() {
        TrayStatus s = incoming.getAndSet(null);
        if (s == null) {
            return;
        }
        latest = s;
        stateVm.setDebounce(TrayStateViewModel.debounceFor(forwarder.settings().interval()));
        render(stateVm.update(s));
    }

    private void tick() {
        render(stateVm.tick());
    }

    private void render(Optional<Notification> notification) {
        if (latest == null) {
            return;
        }
        TrayPresentation p = stateVm.presentation();
        windowVm.update(latest, forwarder.settings(), p);
        if (tray != null) {
            if (!p.equals(lastShown)) {
                tray.show(p);
                lastShown = p;
            }
            notification.ifPresent(tray::notify);
        }
    }

    private void openSettings() {
        if (settingsStage != null) {
            settingsStage.show();
            settingsStage.toFront();
            return;
        }
        SettingsViewModel vm = new SettingsViewModel(forwarder.settings(), forwarder::apply, settingsFile,
                defaultTokenFile, autostart);
        SettingsView view = new SettingsView(vm, io);
        Stage s = new Stage();
        s.setTitle("Tether settings");
        s.setScene(new Scene(view.root()));
        view.setOnClose(s::hide);
        s.setOnHidden(e -> settingsStage = null);
        settingsStage = s;
        s.show();
    }

    private void openGatewayPage() {
        TraySettings s = forwarder.settings();
        if (s.gateways().isEmpty()) {
            openSettings();
            return;
        }
        URI page = URI.create(s.gateways().get(0) + "/");
        io.execute(() -> browse(page));
    }

    private void browse(URI page) {
        try {
            if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
                new ProcessBuilder("xdg-open", page.toString()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } else if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(page);
            } else {
                forwarder.log().warn("cannot open a browser; the gateway page is " + page);
            }
        } catch (Exception e) {
            forwarder.log().warn("cannot open " + page + ": " + e.getMessage());
        }
    }

    private void copyDiagnostics() {
        TrayStatus s = latest != null ? latest : forwarder.status();
        String text = "tether-tray " + TetherVersion.get() + "\n"
                + "java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + "\n"
                + "settings: " + forwarder.settings() + "\n"
                + "state: " + stateVm.presentation().text() + "\n"
                + StatusJson.write(s) + "\n";
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
