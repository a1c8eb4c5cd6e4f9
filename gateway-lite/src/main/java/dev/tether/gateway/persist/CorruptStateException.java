package dev.tether.gateway.persist;

/** The state file is truncated, damaged or not ours. */
public final class CorruptStateException extends Exception {
    private static final long serialVersionUID = 1L;

    public CorruptStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
