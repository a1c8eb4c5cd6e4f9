package dev.tether.tray.push;

/** How a gateway answered, as far as retrying goes. */
public enum Outcome {
    /** 2xx (and 404 for a goodbye). */
    OK,
    /** 401 or 403: retrying soon will not help; try again next interval, and say so. */
    AUTH_REFUSED,
    /** Another 4xx (400, 413, 429...): this snapshot is refused; the next one may not be. */
    REJECTED,
    /** 5xx, unreachable, timed out: back off and retry the latest. */
    RETRYABLE;

    public static Outcome of(int status) {
        if (status >= 200 && status < 300) {
            return OK;
        }
        if (status == 401 || status == 403) {
            return AUTH_REFUSED;
        }
        if (status >= 400 && status < 500 && status != 408) {
            return REJECTED;
        }
        return RETRYABLE;
    }
}
