package dev.tether.gateway.config;

/** A bad flag, environment variable or config file; the message is one line meant for the operator. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
