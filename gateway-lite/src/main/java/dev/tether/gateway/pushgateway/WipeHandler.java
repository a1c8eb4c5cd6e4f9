package dev.tether.gateway.pushgateway;

import dev.tether.gateway.store.GroupStore;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** {@code PUT /api/v1/admin/wipe}: deletes every group (not the hosts). Routed only with {@code --enable-admin-api}. */
public final class WipeHandler implements HttpHandler {
    private final GroupStore store;

    public WipeHandler(GroupStore store) {
        this.store = store;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) {
        store.wipe();
        ex.setStatusCode(202);
        ex.endExchange();
    }
}
