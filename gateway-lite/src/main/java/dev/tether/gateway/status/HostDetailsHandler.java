package dev.tether.gateway.status;

import dev.tether.gateway.http.Responses;
import dev.tether.gateway.store.HostStore;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

import java.util.Map;

/**
 * {@code GET /api/v1/hosts/{host}}: one host with its family names and its targets (see
 * {@link HostDetails}); 404 when the gateway does not keep that host.
 */
final class HostDetailsHandler implements HttpHandler {
    private final HostStore store;

    HostDetailsHandler(HostStore store) {
        this.store = store;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) {
        String host = Responses.pathParam(ex, "host");
        Map<String, Object> details = host == null ? null : HostDetails.of(store.view(), host);
        if (details == null) {
            Responses.text(ex, 404, "no such host: " + host);
            return;
        }
        Responses.json(ex, 200, details);
    }
}
