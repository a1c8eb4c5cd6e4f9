package dev.tether.gateway.auth;

/** A tokens file that cannot be used. The message names the file and line, never the line's text. */
public final class TokenFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public TokenFileException(String message) {
        super(message);
    }
}
