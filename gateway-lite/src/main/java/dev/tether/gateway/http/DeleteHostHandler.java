package dev.tether.gateway.http;

import dev.tether.gateway.store.HostStore;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code DELETE /api/v1/hosts/{host}}: goodbye. 200 when the host was known, 404 when not. */
public final class DeleteHostHandler implements HttpHandler {
    private final HostStore store;

    public DeleteHostHandler(HostStore store) {
        this.store = store;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) {
        try {
            String host = Requests.host(ex);
            if (!store.leave(host)) {
                Responses.text(ex, 404, "host '" + host + "' is not known");
                return;
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("host", host);
            answer.put("state", "left");
            Responses.json(ex, 200, answer);
        } catch (HttpError e) {
            Responses.error(ex, e);
        }
    }
}
