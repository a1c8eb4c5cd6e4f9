package dev.tether.gateway.http;

import dev.tether.gateway.metrics.ExpositionRenderer;
import dev.tether.gateway.metrics.GatewayMetrics;
import dev.tether.gateway.metrics.GroupFamilies;
import dev.tether.gateway.store.GroupStore;
import dev.tether.gateway.store.GroupView;
import dev.tether.gateway.metrics.LivenessFamilies;
import dev.tether.gateway.store.HostStore;
import dev.tether.gateway.store.StoreView;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.text.ExpositionFormat;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * {@code GET /metrics}: live hosts' series, liveness and self metrics; text 0.0.4 unless
 * {@code Accept} asks for OpenMetrics; gzip when {@code Accept-Encoding} allows. Streams the
 * pre-rendered bytes straight to the response (worker thread), so a large store is never copied
 * into one buffer.
 */
public final class MetricsHandler implements HttpHandler {
    private final HostStore store;
    private final GatewayMetrics metrics;

    private final GroupStore groups;

    public MetricsHandler(HostStore store, GatewayMetrics metrics) {
        this(store, null, metrics);
    }

    /** @param groups the Pushgateway groups merged into the output, or {@code null} */
    public MetricsHandler(HostStore store, GroupStore groups, GatewayMetrics metrics) {
        this.store = store;
        this.groups = groups;
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) throws IOException {
        ExpositionFormat format = ExpositionFormat.negotiate(ex.getRequestHeaders().getFirst(Headers.ACCEPT));
        boolean gzip = acceptsGzip(ex.getRequestHeaders().getFirst(Headers.ACCEPT_ENCODING));
        StoreView view = store.view();
        List<MetricFamily> extra = new ArrayList<>(LivenessFamilies.of(view, store.expirations()));
        GroupView groupView = groups == null ? new GroupView(view.now(), List.of())
                : new GroupView(view.now(), groups.view().groups());
        extra.addAll(GroupFamilies.of(groupView));
        extra.addAll(metrics.families());
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, format.contentType());
        if (gzip) {
            ex.getResponseHeaders().put(Headers.CONTENT_ENCODING, "gzip");
        }
        ex.getResponseHeaders().put(Headers.VARY, "Accept, Accept-Encoding");
        OutputStream raw = ex.getOutputStream();
        try (OutputStream out = gzip ? new GZIPOutputStream(raw, 64 * 1024) : new BufferedOutputStream(raw, 64 * 1024)) {
            ExpositionRenderer.write(view, groupView.groups(), extra, format, out);
        }
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.trim().toLowerCase(Locale.ROOT).split(";");
            if (p[0].trim().equals("gzip")) {
                for (int i = 1; i < p.length; i++) {
                    String q = p[i].trim().replace(" ", "");
                    if (q.matches("q=0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
