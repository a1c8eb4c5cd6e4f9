package dev.tether.tray.ui.state;

import dev.tether.tray.status.TrayStatus.Overall;

/**
 * What the tray icon and the window header show, immutable.
 *
 * @param state the debounced state (its icon and colour)
 * @param text the tooltip, also the menu's status line
 * @param pauseLabel "Pause forwarding" or "Resume forwarding"
 */
public record TrayPresentation(Overall state, String text, String pauseLabel, boolean paused) {
    public static final String PAUSE = "Pause forwarding";
    public static final String RESUME = "Resume forwarding";

    /** Before the first status. */
    public static TrayPresentation starting() {
        return new TrayPresentation(Overall.IDLE, "Tether: starting…", PAUSE, false);
    }
}
