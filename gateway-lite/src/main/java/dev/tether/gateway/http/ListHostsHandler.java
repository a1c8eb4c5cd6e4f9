package dev.tether.gateway.http;

import dev.tether.gateway.store.HostRecord;
import dev.tether.gateway.store.HostSnapshot;
import dev.tether.gateway.store.StoreView;
import dev.tether.gateway.store.HostStore;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/hosts}: every host kept, sorted by name, as JSON. {@code series} and
 * {@code bytes} describe what is served now (0 unless up); {@code bytes} is the size of the rendered
 * series. The status page (issue 12) can build on {@link #describe}.
 */
public final class ListHostsHandler implements HttpHandler {
    private final HostStore store;

    public ListHostsHandler(HostStore store) {
        this.store = store;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) {
        Responses.json(ex, 200, describe(store.view()));
    }

    /** The hosts of {@code view} as JSON-ready maps. */
    public static List<Map<String, Object>> describe(StoreView view) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (HostRecord r : view.records()) {
            HostSnapshot live = r.liveSnapshot(view.now());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("host", r.host());
            m.put("state", r.state(view.now()).apiName());
            m.put("lastPush", Responses.time(r.lastPush()));
            m.put("ttlSeconds", r.ttl() == null ? null : r.ttl().toMillis() / 1000.0);
            m.put("expiresAt", Responses.time(r.expiresAt()));
            m.put("pausedUntil", Responses.time(r.pausedUntil()));
            m.put("series", live == null ? 0 : live.series());
            m.put("bytes", live == null ? 0 : live.bytes());
            out.add(m);
        }
        return out;
    }
}
