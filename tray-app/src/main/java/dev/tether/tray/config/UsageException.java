package dev.tether.tray.config;

/** A bad flag, config key or value: the message says which and why; the process exits with 2. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
