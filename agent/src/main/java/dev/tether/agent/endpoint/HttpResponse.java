package dev.tether.agent.endpoint;

import java.nio.charset.StandardCharsets;

/** A whole response: the agent's bodies are small, so they are built before anything is sent. */
public final class HttpResponse {
    private final int status;
    private final String contentType;
    private final byte[] body;
    private final String allow;

    private HttpResponse(int status, String contentType, byte[] body, String allow) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.allow = allow;
    }

    public static HttpResponse ok(String contentType, byte[] body) {
        return new HttpResponse(200, contentType, body, null);
    }

    public static HttpResponse error(int status, String message) {
        return new HttpResponse(status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8), null);
    }

    public static HttpResponse methodNotAllowed(String allow) {
        return new HttpResponse(405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8), allow);
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] body() {
        return body;
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
