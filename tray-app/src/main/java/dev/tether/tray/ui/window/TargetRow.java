package dev.tether.tray.ui.window;

/** One row of the targets table, as text. */
public record TargetRow(String app, String pid, String url, String state, String series, String lastScrape,
        String scrapeMs, String error) {
}
