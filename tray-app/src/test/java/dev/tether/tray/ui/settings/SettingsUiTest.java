package dev.tether.tray.ui.settings;

import dev.tether.tray.config.TraySettings;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Real typing and clicks in the settings form: a bad URL is refused beside its field, a good one is saved. */
@ExtendWith(ApplicationExtension.class)
class SettingsUiTest {
    @TempDir
    Path dir;

    private final List<TraySettings> applied = new CopyOnWriteArrayList<>();
    private Path file;

    @Start
    void start(Stage stage) {
        file = dir.resolve("tray.properties");
        TraySettings s = TraySettings.builder().gateway("http://127.0.0.1:9091").host("box")
                .discoveryDir(dir.resolve("agents")).build();
        SettingsViewModel vm = new SettingsViewModel(s, applied::add, file, dir.resolve("token"),
                new Autostart(dir.resolve("autostart")));
        SettingsView view = new SettingsView(vm, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "settings-io");
            t.setDaemon(true);
            return t;
        }));
        stage.setScene(new Scene(view.root()));
        stage.show();
    }

    @Test
    void badUrlRefusedBesideTheField_goodUrlSavedAndApplied(FxRobot robot) throws Exception {
        replace(robot, "#gateways", "htp:/gateway example");
        robot.clickOn("#save");

        assertThat(label(robot, "#gatewaysError")).startsWith("invalid gateway URL 'htp:/gateway example'");
        assertThat(label(robot, "#result")).startsWith("Not saved");
        assertThat(applied).isEmpty();
        assertThat(file).doesNotExist();

        replace(robot, "#gateways", "https://gw.example:9091");
        replace(robot, "#interval", "5s");
        robot.clickOn("#save");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label(robot, "#result").startsWith("Saved to "));
        assertThat(label(robot, "#gatewaysError")).isEmpty();
        assertThat(applied).hasSize(1);
        assertThat(applied.get(0).gateways()).containsExactly(URI.create("https://gw.example:9091"));
        assertThat(applied.get(0).interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(Files.readString(file)).contains("gateway=https://gw.example:9091").contains("interval=5s");
    }

    /** Clicks into the field, selects all it holds and types over it. */
    private static void replace(FxRobot robot, String id, String text) {
        robot.clickOn(id).push(KeyCode.SHORTCUT, KeyCode.A).write(text);
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
