package dev.tether.gateway;

import dev.tether.protocol.TetherVersion;

/** Entry point of {@code tether-gateway.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println("tether-gateway " + TetherVersion.get());
            return;
        }
        System.err.println("tether-gateway: not built yet; only --version works");
        System.exit(2);
    }
}
