package dev.tether.tray.ui.tray;

import dev.tether.tray.ui.state.Notification;
import dev.tether.tray.ui.state.TrayPresentation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The tray for tests: records what it was told to show, and clicks menu items on request. */
public final class FakeTrayIcon implements TrayIconPort {
    public final List<TrayPresentation> shown = new CopyOnWriteArrayList<>();
    public final List<Notification> notifications = new CopyOnWriteArrayList<>();
    private volatile Consumer<MenuItem> onClick;
    public volatile boolean closed;

    @Override
    public void install(Consumer<MenuItem> onClick) {
        this.onClick = onClick;
    }

    /** Chooses a menu item, as a person would in the tray's menu. */
    public void click(MenuItem m) {
        onClick.accept(m);
    }

    public TrayPresentation last() {
        return shown.isEmpty() ? null : shown.get(shown.size() - 1);
    }

    @Override
    public void show(TrayPresentation p) {
        shown.add(p);
    }

    @Override
    public void notify(Notification n) {
        notifications.add(n);
    }

    @Override
    public void close() {
        closed = true;
    }
}
