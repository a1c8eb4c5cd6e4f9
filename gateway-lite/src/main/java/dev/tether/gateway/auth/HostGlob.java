package dev.tether.gateway.auth;

import java.util.regex.Pattern;

/**
 * A host-name pattern of a token: {@code laptop-*}, {@code build-0?}, {@code *}. {@code *} matches any
 * run of characters, {@code ?} one; everything else is literal (host names are
 * {@code [A-Za-z0-9._-]}), and the case must match.
 */
public record HostGlob(String text) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._*?-]{1,128}");

    /** @throws IllegalArgumentException when the text cannot match a host name */
    public HostGlob {
        if (!VALID.matcher(text).matches()) {
            throw new IllegalArgumentException("invalid host glob '" + text + "': expected 1 to 128 of A-Z a-z 0-9 . _ - * ?");
        }
    }

    public boolean matches(String host) {
        return matches(text, 0, host, 0);
    }

    private static boolean matches(String p, int pi, String s, int si) {
        // Iterative with one backtrack point: linear in practice, no regex to blow up.
        int star = -1;
        int mark = 0;
        while (si < s.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == s.charAt(si))) {
                pi++;
                si++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = si;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    @Override
    public String toString() {
        return text;
    }
}
