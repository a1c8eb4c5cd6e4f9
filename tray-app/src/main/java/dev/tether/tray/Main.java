package dev.tether.tray;

import dev.tether.protocol.TetherVersion;

/** Entry point of {@code tether-tray.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println("tether-tray " + TetherVersion.get());
            return;
        }
        System.err.println("tether-tray: not built yet; only --version works");
        System.exit(2);
    }
}
