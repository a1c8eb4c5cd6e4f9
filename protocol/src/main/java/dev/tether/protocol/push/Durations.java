package dev.tether.protocol.push;

import java.time.Duration;

/**
 * The duration syntax used by flags, headers and query parameters: one or more
 * {@code <integer><unit>} parts, units {@code ms s m h d} in decreasing order, each at most once,
 * such as {@code 45s}, {@code 2m}, {@code 1h30m} or {@code 250ms}, and {@code 0}. Like Prometheus
 * durations, with {@code d} as 24 hours and no {@code w}/{@code y}.
 */
public final class Durations {
    private static final String[] UNITS = {"d", "h", "m", "s", "ms"};
    private static final long[] UNIT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};

    private Durations() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException with a message that says what was expected
     */
    public static Duration parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty duration; expected something like 45s, 2m or 1h30m");
        }
        if (text.equals("0")) {
            return Duration.ZERO; // as in Prometheus: zero needs no unit
        }
        long total = 0;
        int i = 0;
        int lastUnit = -1;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
                i++;
            }
            if (i == start) {
                throw bad(text, "a number at position " + (i + 1));
            }
            if (i - start > 12) {
                throw bad(text, "a smaller number");
            }
            long amount = Long.parseLong(text.substring(start, i));
            int unit = -1;
            for (int u = 0; u < UNITS.length; u++) {
                if (text.startsWith(UNITS[u], i)
                        && !(UNITS[u].equals("m") && text.startsWith("ms", i))) {
                    unit = u;
                    break;
                }
            }
            if (unit < 0) {
                throw bad(text, "a unit (ms, s, m, h or d) at position " + (i + 1));
            }
            if (unit <= lastUnit) {
                throw bad(text, "units in decreasing order, each once");
            }
            lastUnit = unit;
            i += UNITS[unit].length();
            try {
                total = Math.addExact(total, Math.multiplyExact(amount, UNIT_MILLIS[unit]));
            } catch (ArithmeticException e) {
                throw bad(text, "a shorter duration");
            }
        }
        return Duration.ofMillis(total);
    }

    private static IllegalArgumentException bad(String text, String expected) {
        return new IllegalArgumentException("invalid duration '" + text + "': expected " + expected
                + " (such as 45s, 2m or 1h30m)");
    }

    /** Formats {@code d} in the same syntax, the shortest form: {@code 90s} becomes {@code 1m30s}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 0) {
            throw new IllegalArgumentException("negative duration " + d);
        }
        if (ms == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        for (int u = 0; u < UNITS.length; u++) {
            long n = ms / UNIT_MILLIS[u];
            if (n > 0) {
                sb.append(n).append(UNITS[u]);
                ms -= n * UNIT_MILLIS[u];
            }
        }
        return sb.toString();
    }
}
