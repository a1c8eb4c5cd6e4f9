package dev.tether.tray.ui;

import dev.tether.tray.config.TraySettings;
import dev.tether.tray.core.Forwarder;
import dev.tether.tray.log.TrayLog;
import dev.tether.tray.status.TrayStatus.Overall;
import dev.tether.tray.ui.settings.Autostart;
import dev.tether.tray.ui.state.Notification;
import dev.tether.tray.ui.state.TrayPresentation;
import dev.tether.tray.ui.tray.FakeTrayIcon;
import dev.tether.tray.ui.tray.MenuItem;
import dev.tether.tray.ui.tray.TrayIconPort;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The wiring behind the tray interface: menu items reach the core, the icon follows, Quit says goodbye. */
@ExtendWith(ApplicationExtension.class)
class TrayAppUiTest {
    @TempDir
    Path dir;

    private final FakeTrayIcon tray = new FakeTrayIcon();
    private final CountDownLatch quit = new CountDownLatch(1);
    private Forwarder forwarder;

    @Start
    void start(Stage stage) throws Exception {
        forwarder = forwarder();
        TrayApp app = new TrayApp(forwarder, forwarder, tray, dir.resolve("tray.properties"),
                new Autostart(dir.resolve("autostart")), Clock.systemUTC(), quit::countDown);
        app.start(stage, null);
    }

    private Forwarder forwarder() throws Exception {
        // Port 9 (discard) is closed: pushes fail fast, which does not matter here.
        Forwarder f = Forwarder.builder(TraySettings.builder().gateway("http://127.0.0.1:9").host("ui-app")
                .interval(Duration.ofSeconds(1)).discoveryDir(dir.resolve("agents")).build()).log(TrayLog.stdout()).build();
        f.start();
        return f;
    }

    @AfterEach
    void stop() {
        forwarder.stop();
    }

    @Test
    void menuPause_pausesTheCoreAndGreysTheIcon_menuQuit_stopsAndRemovesTheIcon() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tray.last() != null);
        tray.click(MenuItem.PAUSE_RESUME);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> forwarder.isPaused() && tray.last().state() == Overall.PAUSED);
        assertThat(tray.last().pauseLabel()).isEqualTo(TrayPresentation.RESUME);
        assertThat(tray.last().text()).startsWith("Paused:");

        tray.click(MenuItem.PAUSE_RESUME);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !forwarder.isPaused() && tray.last().state() != Overall.PAUSED);

        tray.click(MenuItem.QUIT);
        assertThat(quit.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(tray.closed).isTrue();
        assertThat(forwarder.status().running()).isFalse();
    }

    @Test
    void trayRefusesTheIcon_windowOpensAndSaysWhy(FxRobot robot) throws Exception {
        TrayIconPort refusing = new TrayIconPort() {
            @Override
            public void install(Consumer<MenuItem> onClick) {
                throw new IllegalStateException("this desktop has no system tray");
            }

            @Override
            public void show(TrayPresentation p) {
            }

            @Override
            public void notify(Notification n) {
            }

            @Override
            public void close() {
            }
        };
        Forwarder other = forwarder();
        try {
            robot.interact(() -> new TrayApp(other, other, refusing, dir.resolve("other.properties"),
                    new Autostart(dir.resolve("autostart")), Clock.systemUTC(), () -> { }).start(new Stage(), null));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#banner").tryQuery().isPresent()
                    && robot.lookup("#banner").queryAs(Label.class).isVisible());
            assertThat(robot.lookup("#banner").queryAs(Label.class).getText())
                    .startsWith("The system tray refused Tether's icon (this desktop has no system tray)");
        } finally {
            other.stop();
        }
    }
}
