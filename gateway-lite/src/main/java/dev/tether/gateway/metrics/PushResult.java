package dev.tether.gateway.metrics;

import java.util.Locale;

/** The outcome of one push, the {@code result} label of {@code tether_gateway_pushes_total}. */
public enum PushResult {
    OK,
    /** Malformed body, timestamps, bad host name or TTL, duplicate series. */
    BAD_REQUEST,
    /** A family's type conflicts with another host's. */
    CONFLICT,
    /** Body or series over the limit. */
    TOO_LARGE,
    /** Unsupported Content-Type or Content-Encoding. */
    UNSUPPORTED,
    /** The body did not arrive in time. */
    TIMEOUT,
    /** The gateway failed (a bug or I/O trouble). */
    ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
