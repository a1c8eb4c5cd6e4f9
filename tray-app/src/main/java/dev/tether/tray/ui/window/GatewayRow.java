package dev.tether.tray.ui.window;

/** One row of the gateways table, as text. */
public record GatewayRow(String url, String state, String lastPush, String latency, String bytes, String error) {
}
