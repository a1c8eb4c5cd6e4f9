package dev.tether.tray.ui.state;

/** A desktop notification to show. */
public record Notification(String title, String text) {
}
