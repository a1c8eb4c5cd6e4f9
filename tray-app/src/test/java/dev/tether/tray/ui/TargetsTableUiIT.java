package dev.tether.tray.ui;

import dev.tether.tray.config.TraySettings;
import dev.tether.tray.core.Forwarder;
import dev.tether.tray.log.TrayLog;
import dev.tether.tray.testing.ChildJvm;
import dev.tether.tray.ui.settings.Autostart;
import dev.tether.tray.ui.tray.FakeTrayIcon;
import dev.tether.tray.ui.tray.MenuItem;
import dev.tether.tray.ui.window.TargetRow;
import javafx.scene.control.TableView;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The targets table shows a real agent JVM, and marks it down once the JVM is killed. */
@ExtendWith(ApplicationExtension.class)
class TargetsTableUiIT {
    @TempDir
    Path dir;

    private Forwarder forwarder;
    private ChildJvm app;

    @Start
    void start(Stage stage) throws Exception {
        // Nothing listens on port 9 (discard): the gateway side does not matter here.
        TraySettings settings = TraySettings.builder().gateway("http://127.0.0.1:9").host("ui-targets")
                .interval(Duration.ofSeconds(1)).discoveryDir(dir.resolve("agents")).build();
        forwarder = Forwarder.builder(settings).log(TrayLog.stdout()).build();
        forwarder.start();
        TrayApp tray = new TrayApp(forwarder, forwarder, new FakeTrayIcon(), dir.resolve("tray.properties"),
                new Autostart(dir.resolve("autostart")), Clock.systemUTC(), () -> { });
        tray.start(stage, null);
        tray.onMenu(MenuItem.OPEN_WINDOW);
    }

    @AfterEach
    void stop() throws Exception {
        forwarder.stop();
        if (app != null) {
            app.close();
        }
    }

    @Test
    void realAgent_listedUp_thenMarkedDownWhenKilled(FxRobot robot) throws Exception {
        app = ChildJvm.sampleApp("ui-sample", dir.resolve("agents"));
        String pid = Long.toString(app.pid());

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> row(robot, pid) != null && "up".equals(row(robot, pid).state()));
        TargetRow up = row(robot, pid);
        assertThat(up.app()).isEqualTo("ui-sample");
        assertThat(up.url()).startsWith("http://127.0.0.1:").endsWith("/metrics");
        assertThat(Integer.parseInt(up.series())).isPositive();

        app.kill();

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> row(robot, pid) != null && !"up".equals(row(robot, pid).state()));
        assertThat(row(robot, pid).state()).isIn("down", "dead");
        assertThat(row(robot, pid).error()).isNotEmpty();
    }

    @SuppressWarnings("unchecked")
    private static TargetRow row(FxRobot robot, String pid) {
        List<TargetRow> rows = List.copyOf(robot.lookup("#targets").queryAs(TableView.class).getItems());
        return rows.stream().filter(r -> r.pid().equals(pid)).findFirst().orElse(null);
    }
}
