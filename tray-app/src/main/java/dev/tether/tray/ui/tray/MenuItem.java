package dev.tether.tray.ui.tray;

/** The tray menu, in its order (issue 9): Pause/Resume first, Quit last. */
public enum MenuItem {
    /** "Pause forwarding" / "Resume forwarding": one click. */
    PAUSE_RESUME,
    /** The status line; not clickable. */
    STATUS,
    OPEN_WINDOW("Open Tether…"),
    OPEN_GATEWAY_PAGE("Open gateway page"),
    SETTINGS("Settings…"),
    COPY_DIAGNOSTICS("Copy diagnostics"),
    /** Says goodbye to the gateways, then exits. */
    QUIT("Quit");

    private final String fixedLabel;

    MenuItem() {
        this(null);
    }

    MenuItem(String fixedLabel) {
        this.fixedLabel = fixedLabel;
    }

    /** The label of the items whose label never changes, or null. */
    public String fixedLabel() {
        return fixedLabel;
    }
}
