package dev.tether.gateway.auth;

/** Why a request was refused: the {@code reason} label of {@code tether_gateway_auth_failures_total}. */
public enum AuthFailure {
    MISSING_TOKEN("missing_token", 401),
    UNKNOWN_TOKEN("unknown_token", 401),
    HOST_NOT_ALLOWED("host_not_allowed", 403),
    RATE_LIMITED("rate_limited", 429);

    private final String label;
    private final int status;

    AuthFailure(String label, int status) {
        this.label = label;
        this.status = status;
    }

    public String label() {
        return label;
    }

    public int status() {
        return status;
    }
}
