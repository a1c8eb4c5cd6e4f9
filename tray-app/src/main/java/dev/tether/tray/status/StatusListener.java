package dev.tether.tray.status;

/**
 * Told when the status changed. Called on a core thread, never the UI's: a JavaFX front end hands
 * the snapshot to {@code Platform.runLater}. Must return quickly and not throw.
 */
@FunctionalInterface
public interface StatusListener {
    void statusChanged(TrayStatus status);
}
