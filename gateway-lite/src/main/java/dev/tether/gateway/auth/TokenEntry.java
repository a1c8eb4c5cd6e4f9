package dev.tether.gateway.auth;

import java.util.HexFormat;
import java.util.List;

/**
 * One line of a tokens file: the SHA-256 of a token and the hosts it may push.
 *
 * @param line the line number in the file, to name the token in logs without showing it
 */
public record TokenEntry(byte[] sha256, List<HostGlob> hosts, int line) {

    public TokenEntry {
        sha256 = sha256.clone();
        hosts = List.copyOf(hosts);
    }

    /** Whether the token may push {@code host}. */
    public boolean allows(String host) {
        if (host == null) {
            return false;
        }
        for (HostGlob g : hosts) {
            if (g.matches(host)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the token may push every host ({@code *}). */
    public boolean allowsAll() {
        return hosts.stream().anyMatch(g -> g.text().equals("*"));
    }

    /** A short, stable id: the first 8 hex digits of the hash (safe to log: it is the hash, not the token). */
    public String id() {
        return HexFormat.of().formatHex(sha256, 0, 4);
    }
}
