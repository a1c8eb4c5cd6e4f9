package dev.tether.gateway.http;

import dev.tether.gateway.metrics.PushResult;

/**
 * A request refused with a status and a one-line message for the client. Thrown from anywhere below
 * a handler (including the parser's sink) and turned into a plain-text answer by the handler.
 */
public final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final PushResult result;
    private final boolean closeConnection;

    public HttpError(int status, PushResult result, String message, boolean closeConnection) {
        super(message, null, false, false);
        this.status = status;
        this.result = result;
        this.closeConnection = closeConnection;
    }

    public static HttpError badRequest(String message) {
        return new HttpError(400, PushResult.BAD_REQUEST, message, false);
    }

    /** 413; the rest of the body is left unread, so the connection must not be reused. */
    public static HttpError tooLarge(String message) {
        return new HttpError(413, PushResult.TOO_LARGE, message, true);
    }

    public static HttpError unsupported(String message) {
        return new HttpError(415, PushResult.UNSUPPORTED, message, false);
    }

    public static HttpError timeout(String message) {
        return new HttpError(408, PushResult.TIMEOUT, message, true);
    }

    public int status() {
        return status;
    }

    public PushResult result() {
        return result;
    }

    public boolean closeConnection() {
        return closeConnection;
    }
}
