package dev.tether.agent.config;

/** A bad option; its message is the one line the user sees. */
public final class OptionException extends Exception {
    public OptionException(String message) {
        super(message);
    }
}
