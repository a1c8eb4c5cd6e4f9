package dev.tether.tray.headless;

import dev.tether.tray.config.TraySettings;
import dev.tether.tray.core.Forwarder;
import dev.tether.tray.log.TrayLog;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the headless tray as a process until it is told to stop: SIGTERM or Ctrl-C run the
 * shutdown hook, which says goodbye; SIGUSR2 toggles pause.
 */
public final class HeadlessMain {
    private HeadlessMain() {
    }

    /**
     * Starts and blocks for the life of the process.
     *
     * @return 1 when the tray could not start (the reason is logged)
     */
    public static int run(TraySettings settings) {
        TrayLog log = TrayLog.stdout();
        HeadlessTray tray;
        try {
            tray = HeadlessTray.start(Forwarder.builder(settings).log(log));
        } catch (IOException | RuntimeException e) {
            log.warn("cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping");
            tray.close();
            stopped.countDown();
        }, "tether-shutdown"));
        PauseSignal.install(tray.forwarder()::togglePause, log);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
