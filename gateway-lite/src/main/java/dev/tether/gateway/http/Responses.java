package dev.tether.gateway.http;

import dev.tether.protocol.json.Json;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Small helpers to answer: one-line text errors, JSON, RFC 3339 times. */
public final class Responses {
    private Responses() {
    }

    /** A plain-text answer of one line. */
    public static void text(HttpServerExchange ex, int status, String line) {
        ex.setStatusCode(status);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        // One line, whatever the message carried.
        String oneLine = line.replace('\r', ' ').replace('\n', ' ');
        ex.getResponseSender().send(oneLine + "\n", StandardCharsets.UTF_8);
    }

    public static void error(HttpServerExchange ex, HttpError e) {
        if (e.closeConnection()) {
            ex.setPersistent(false);
        }
        text(ex, e.status(), e.getMessage());
    }

    public static void json(HttpServerExchange ex, int status, Object value) {
        ex.setStatusCode(status);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        ex.getResponseSender().send(Json.write(value), StandardCharsets.UTF_8);
    }

    /** RFC 3339 in UTC, or {@code null}. */
    public static String time(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t);
    }

    /** A path parameter of the matched route template. */
    public static String pathParam(HttpServerExchange ex, String name) {
        var match = ex.getAttachment(io.undertow.util.PathTemplateMatch.ATTACHMENT_KEY);
        return match == null ? null : match.getParameters().get(name);
    }

    /** The first value of a query parameter, or {@code null}. */
    public static String queryParam(HttpServerExchange ex, String name) {
        var values = ex.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
