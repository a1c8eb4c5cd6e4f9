package dev.tether.gateway.pushgateway;

import dev.tether.gateway.http.HttpError;
import dev.tether.gateway.http.Responses;
import dev.tether.gateway.store.GroupStore;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * {@code DELETE /metrics/job/<job>{/<label>/<value>}*}: deletes the group. {@code 202}, whether it
 * existed or not, as the Pushgateway answers.
 */
public final class DeleteGroupHandler implements HttpHandler {
    private final GroupStore store;

    public DeleteGroupHandler(GroupStore store) {
        this.store = store;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) {
        try {
            store.delete(GroupPath.of(ex));
            ex.setStatusCode(202);
            ex.endExchange();
        } catch (HttpError e) {
            Responses.error(ex, e);
        }
    }
}
