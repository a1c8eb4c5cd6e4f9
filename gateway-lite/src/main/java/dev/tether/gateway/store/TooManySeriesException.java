package dev.tether.gateway.store;

/** A push that would leave a group with more series than allowed; the store did not change. */
public final class TooManySeriesException extends Exception {
    private static final long serialVersionUID = 1L;

    public TooManySeriesException(String message) {
        super(message, null, false, false);
    }
}
