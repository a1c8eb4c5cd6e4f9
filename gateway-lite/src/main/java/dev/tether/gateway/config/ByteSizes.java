package dev.tether.gateway.config;

import java.util.Locale;

/**
 * Parses byte sizes such as {@code 16MiB}, {@code 512KiB}, {@code 1GB} or {@code 1048576}. Binary
 * ({@code KiB MiB GiB}) and decimal ({@code KB MB GB}) units are accepted; a bare number is bytes.
 */
public final class ByteSizes {
    private ByteSizes() {
    }

    /**
     * @throws IllegalArgumentException with a message saying what was expected
     */
    public static long parse(String text) {
        String t = text == null ? "" : text.trim();
        int i = 0;
        while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        if (i == 0 || i > 15) {
            throw new IllegalArgumentException("invalid size '" + text + "': expected a number with an optional unit, such as 16MiB");
        }
        long n = Long.parseLong(t.substring(0, i));
        long unit;
        switch (t.substring(i).trim().toLowerCase(Locale.ROOT)) {
            case "":
            case "b":
                unit = 1;
                break;
            case "kib":
                unit = 1L << 10;
                break;
            case "mib":
                unit = 1L << 20;
                break;
            case "gib":
                unit = 1L << 30;
                break;
            case "kb":
                unit = 1_000L;
                break;
            case "mb":
                unit = 1_000_000L;
                break;
            case "gb":
                unit = 1_000_000_000L;
                break;
            default:
                throw new IllegalArgumentException("invalid size '" + text + "': expected a unit B, KiB, MiB, GiB, KB, MB or GB");
        }
        return Math.multiplyExact(n, unit);
    }
}
