package dev.tether.tray.ui.tray;

import dev.tether.tray.ui.state.Notification;
import dev.tether.tray.ui.state.TrayPresentation;

import java.util.function.Consumer;

/**
 * The system tray, as the app sees it: one icon with a tooltip, the {@link MenuItem} menu and
 * notifications. {@link AwtTrayIcon} is the real one; tests use a fake. Every method may be called
 * from any thread and returns at once (the real one hands the work to the AWT thread).
 */
public interface TrayIconPort extends AutoCloseable {
    /**
     * Puts the icon in the tray.
     *
     * @param onClick called (on the tray's thread; hand off at once) when a menu item is chosen
     * @throws IllegalStateException when the desktop has no system tray
     */
    void install(Consumer<MenuItem> onClick);

    /** Icon, tooltip, status line and the Pause/Resume label. */
    void show(TrayPresentation p);

    void notify(Notification n);

    /** Removes the icon. */
    @Override
    void close();
}
