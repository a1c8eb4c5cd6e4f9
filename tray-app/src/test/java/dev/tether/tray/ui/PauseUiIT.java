package dev.tether.tray.ui;

import dev.tether.tray.config.TraySettings;
import dev.tether.tray.core.Forwarder;
import dev.tether.tray.log.TrayLog;
import dev.tether.tray.status.TrayStatus.Overall;
import dev.tether.tray.testing.ChildJvm;
import dev.tether.tray.ui.settings.Autostart;
import dev.tether.tray.ui.tray.FakeTrayIcon;
import dev.tether.tray.ui.tray.MenuItem;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A real click on Pause: the state changes, the gateway (the real jar, on loopback) hears no more pushes. */
@ExtendWith(ApplicationExtension.class)
class PauseUiIT {
    private static final String HOST = "ui-pause";

    @TempDir
    static Path dir;

    private static ChildJvm gateway;
    private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    private final FakeTrayIcon tray = new FakeTrayIcon();
    private Forwarder forwarder;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = ChildJvm.gateway(dir.resolve("gateway"));
    }

    @AfterAll
    static void stopGateway() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        TraySettings settings = TraySettings.builder().gateway(gateway.url()).host(HOST).interval(Duration.ofSeconds(1))
                .discoveryDir(dir.resolve("agents")).build();
        forwarder = Forwarder.builder(settings).log(TrayLog.stdout()).build();
        forwarder.start();
        TrayApp app = new TrayApp(forwarder, forwarder, tray, dir.resolve("config/tray.properties"),
                new Autostart(dir.resolve("autostart")), Clock.systemUTC(), () -> { });
        app.start(stage, null);
        app.onMenu(MenuItem.OPEN_WINDOW);
    }

    @AfterEach
    void stop() {
        forwarder.stop();
    }

    @Test
    void clickPause_stateGreysAndPushesStop_clickResume_pushesAgain(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "up".equals(hostState()[0]));
        assertThat(button(robot).getText()).isEqualTo("Pause forwarding");

        robot.clickOn("#pauseButton");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot).startsWith("Paused:")
                && tray.last() != null && tray.last().state() == Overall.PAUSED);
        assertThat(button(robot).getText()).isEqualTo("Resume forwarding");
        assertThat(tray.last().pauseLabel()).isEqualTo("Resume forwarding");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "paused".equals(hostState()[0]));
        String lastPush = hostState()[1];
        Thread.sleep(3500); // three intervals
        assertThat(hostState()).containsExactly("paused", lastPush);

        robot.clickOn("#pauseButton");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "up".equals(hostState()[0]) && !lastPush.equals(hostState()[1]));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> button(robot).getText().equals("Pause forwarding"));
        assertThat(tray.last().state()).isNotEqualTo(Overall.PAUSED);
    }

    private static Button button(FxRobot robot) {
        return robot.lookup("#pauseButton").queryAs(Button.class);
    }

    private static String text(FxRobot robot) {
        return robot.lookup("#stateText").queryAs(Label.class).getText();
    }

    /** {state, lastPush} of our host as the gateway lists it. */
    private String[] hostState() throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/api/v1/hosts")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"host\":\"" + HOST + "\",\"state\":\"(\\w+)\",\"lastPush\":\"?([^\",]*)").matcher(body);
        return m.find() ? new String[] {m.group(1), m.group(2)} : new String[] {"absent", ""};
    }
}
