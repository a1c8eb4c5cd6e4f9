package dev.tether.agent.endpoint;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A whole response: the agent's bodies are small, so they are built before anything is sent. */
public final class HttpResponse {
    private final int status;
    private final String contentType;
    private final byte[] body;
    private final int length;
    private final String allow;

    private HttpResponse(int status, String contentType, byte[] body, int length, String allow) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.length = length;
        this.allow = allow;
    }

    public static HttpResponse ok(String contentType, byte[] body) {
        return ok(contentType, body, body.length);
    }

    /** The first {@code length} bytes of {@code body}, which is not copied: a scrape's buffer is used as it is. */
    public static HttpResponse ok(String contentType, byte[] body, int length) {
        return new HttpResponse(200, contentType, body, length, null);
    }

    public static HttpResponse error(int status, String message) {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        return new HttpResponse(status, "text/plain; charset=utf-8", body, body.length, null);
    }

    public static HttpResponse methodNotAllowed(String allow) {
        byte[] body = "method not allowed\n".getBytes(StandardCharsets.UTF_8);
        return new HttpResponse(405, "text/plain; charset=utf-8", body, body.length, allow);
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    /** The body, copied out of a larger buffer if need be. */
    public byte[] body() {
        return length == body.length ? body : Arrays.copyOf(body, length);
    }

    public int bodyLength() {
        return length;
    }

    /** Writes the body without copying it. */
    void writeBody(OutputStream out) throws IOException {
        out.write(body, 0, length);
    }

    /** The {@code Allow} header of a 405, else null. */
    public String allow() {
        return allow;
    }

    static String reason(int status) {
        switch (status) {
            case 200:
                return "OK";
            case 400:
                return "Bad Request";
            case 404:
                return "Not Found";
            case 405:
                return "Method Not Allowed";
            case 408:
                return "Request Timeout";
            case 431:
                return "Request Header Fields Too Large";
            case 503:
                return "Service Unavailable";
            default:
                return "Internal Server Error";
        }
    }
}
