package dev.tether.gateway.http;

import dev.tether.protocol.push.PushProtocol;
import io.undertow.server.HttpServerExchange;

/** Reading and checking the parts of a request that several handlers share. */
final class Requests {
    private Requests() {
    }

    /** The {@code {host}} path parameter, checked against the host-name rule. */
    static String host(HttpServerExchange ex) {
        String host = Responses.pathParam(ex, "host");
        if (!PushProtocol.isValidHostName(host)) {
            throw HttpError.badRequest("invalid host name '" + (host == null ? "" : host)
                    + "': expected 1 to 128 of A-Z a-z 0-9 . _ -");
        }
        return host;
    }
}
