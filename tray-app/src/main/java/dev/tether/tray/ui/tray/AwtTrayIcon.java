package dev.tether.tray.ui.tray;

import dev.tether.tray.status.TrayStatus.Overall;
import dev.tether.tray.ui.state.Notification;
import dev.tether.tray.ui.state.TrayPresentation;

import java.awt.EventQueue;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The real tray: AWT's {@link SystemTray} (what FXTrayIcon wraps too, without its 2000 lines). Every
 * change runs on the AWT event thread; callers never wait for it, except {@link #install}.
 */
public final class AwtTrayIcon implements TrayIconPort {
    private final Map<Overall, BufferedImage> icons = new EnumMap<>(Overall.class);
    private final Map<MenuItem, java.awt.MenuItem> items = new EnumMap<>(MenuItem.class);
    private TrayIcon icon;

    /** True when the desktop has a system tray (a bare X server or GNOME without an extension has none). */
    public static boolean supported() {
        try {
            return SystemTray.isSupported();
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    @Override
    public void install(Consumer<MenuItem> onClick) {
        if (!supported()) {
            throw new IllegalStateException("this desktop has no system tray");
        }
        try {
            EventQueue.invokeAndWait(() -> {
                SystemTray tray = SystemTray.getSystemTray();
                int size = Math.max(16, Math.min(tray.getTrayIconSize().height, 64));
                for (Overall o : Overall.values()) {
                    icons.put(o, StateIcons.draw(o, size));
                }
                PopupMenu menu = new PopupMenu();
                for (MenuItem m : MenuItem.values()) {
                    java.awt.MenuItem item = new java.awt.MenuItem(
                            m == MenuItem.PAUSE_RESUME ? TrayPresentation.PAUSE
                                    : m == MenuItem.STATUS ? "Tether: starting…" : m.fixedLabel());
                    if (m == MenuItem.STATUS) {
                        item.setEnabled(false);
                    } else {
                        item.addActionListener(e -> onClick.accept(m));
                    }
                    if (m == MenuItem.OPEN_WINDOW || m == MenuItem.QUIT) {
                        menu.addSeparator();
                    }
                    items.put(m, item);
                    menu.add(item);
                }
                icon = new TrayIcon(icons.get(Overall.IDLE), "Tether: starting…", menu);
                icon.setImageAutoSize(true);
                // A left click (or double click) opens the window, as people expect from a tray app.
                icon.addActionListener(e -> onClick.accept(MenuItem.OPEN_WINDOW));
                try {
                    tray.add(icon);
                } catch (java.awt.AWTException e) {
                    throw new IllegalStateException("the system tray refused the icon: " + e.getMessage(), e);
                }
            });
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException ? (RuntimeException) c : new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while adding the tray icon");
        }
    }

    @Override
    public void show(TrayPresentation p) {
        EventQueue.invokeLater(() -> {
            if (icon == null) {
                return;
            }
            icon.setImage(icons.get(p.state()));
            icon.setToolTip(p.text());
            items.get(MenuItem.PAUSE_RESUME).setLabel(p.pauseLabel());
            items.get(MenuItem.STATUS).setLabel(p.text());
        });
    }

    @Override
    public void notify(Notification n) {
        EventQueue.invokeLater(() -> {
            if (icon != null) {
                icon.displayMessage(n.title(), n.text(), TrayIcon.MessageType.INFO);
            }
        });
    }

    @Override
    public void close() {
        EventQueue.invokeLater(() -> {
            if (icon != null) {
                SystemTray.getSystemTray().remove(icon);
                icon = null;
            }
        });
    }
}
