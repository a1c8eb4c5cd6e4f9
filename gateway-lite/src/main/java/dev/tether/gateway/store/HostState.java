package dev.tether.gateway.store;

import java.util.Locale;

/** What the gateway says about a host. */
public enum HostState {
    /** Its TTL holds; its series are served. */
    UP,
    /** Its TTL (or its pause) ran out without a push; {@code tether_host_up 0} for the retention. */
    EXPIRED,
    /** It said it is paused; no series, {@code tether_host_paused 1}, not reported down. */
    PAUSED,
    /** It said goodbye; gone from {@code /metrics}, listed as left for the retention. */
    LEFT;

    /** The lower-case name used in the API: {@code up}, {@code expired}, ... */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
