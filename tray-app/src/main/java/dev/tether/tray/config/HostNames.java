package dev.tether.tray.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The machine's name, made into a valid push host name. */
final class HostNames {
    private HostNames() {
    }

    static String local() {
        String name = null;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // A machine whose own name does not resolve: fall back to the environment.
            name = System.getenv("HOSTNAME");
            if (name == null) {
                name = System.getenv("COMPUTERNAME");
            }
        }
        return sanitize(name);
    }

    /** Replaces what a host name may not contain with '-' and trims it to 128 characters. */
    static String sanitize(String name) {
        if (name == null || name.isBlank()) {
            return "localhost";
        }
        String s = name.trim().replaceAll("[^A-Za-z0-9._-]", "-");
        return s.length() > 128 ? s.substring(0, 128) : s;
    }
}
