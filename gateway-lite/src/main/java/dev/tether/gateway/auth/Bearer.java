package dev.tether.gateway.auth;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/** The token of {@code Authorization: Bearer <token>}. */
final class Bearer {
    private Bearer() {
    }

    /** The presented token, or {@code null} when there is none. */
    static String token(HttpServerExchange ex) {
        String h = ex.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (h == null) {
            return null;
        }
        h = h.strip();
        if (h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String t = h.substring(7).strip();
        return t.isEmpty() ? null : t;
    }

    /** The client's address, for the refusal log. */
    static String source(HttpServerExchange ex) {
        var a = ex.getSourceAddress();
        return a == null || a.getAddress() == null ? "unknown" : a.getAddress().getHostAddress();
    }
}
