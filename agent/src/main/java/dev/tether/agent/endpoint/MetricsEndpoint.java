package dev.tether.agent.endpoint;

import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UnsupportedEncodingException;
import java.io.Writer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code GET /metrics}: the registry in text 0.0.4, or OpenMetrics when {@code Accept} asks for it.
 * {@code name[]=...} narrows the answer to those families, as in Prometheus's own clients.
 */
public final class MetricsEndpoint implements RequestHandler {
    public static final String PATH = "/metrics";

    private final CollectorRegistry registry;
    /** Sizes the next buffer: a scrape is about as long as the one before. A race only costs a resize. */
    private volatile int lastBodySize = 8 * 1024;

    public MetricsEndpoint(CollectorRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        if (!request.path().equals(PATH)) {
            return HttpResponse.error(404, "not found; metrics are at " + PATH);
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return HttpResponse.methodNotAllowed("GET, HEAD");
        }
        String contentType = TextFormat.chooseContentType(request.header("accept"));
        Body body = new Body(lastBodySize + 1024);
        try {
            // Buffered: the formatter writes a few characters at a time, and each unbuffered write to an
            // OutputStreamWriter allocates; unbuffered, a scrape allocated four times as much. A small
            // buffer does as well as a big one, and every byte a scrape allocates is the host's garbage.
            Writer writer = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), 1024);
            Set<String> names = names(request.query());
            // Without names, no filter: filtering copies every family even when it keeps them all. Families
            // without samples (a histogram nothing has been observed in) are left out either way.
            TextFormat.writeFormat(contentType, writer,
                    names.isEmpty() ? new NonEmpty(registry.metricFamilySamples()) : registry.filteredMetricFamilySamples(names));
            writer.flush();
        } catch (IOException e) {
            return HttpResponse.error(500, "could not write metrics: " + e.getMessage());
        }
        lastBodySize = body.size();
        return HttpResponse.ok(contentType, body.buffer(), body.size());
    }

    /** The families that have samples. */
    private static final class NonEmpty implements Enumeration<Collector.MetricFamilySamples> {
        private final Enumeration<Collector.MetricFamilySamples> all;
        private Collector.MetricFamilySamples next;

        NonEmpty(Enumeration<Collector.MetricFamilySamples> all) {
            this.all = all;
            advance();
        }

        private void advance() {
            next = null;
            while (next == null && all.hasMoreElements()) {
                Collector.MetricFamilySamples f = all.nextElement();
                if (!f.samples.isEmpty()) {
                    next = f;
                }
            }
        }

        @Override
        public boolean hasMoreElements() {
            return next != null;
        }

        @Override
        public Collector.MetricFamilySamples nextElement() {
            Collector.MetricFamilySamples f = next;
            if (f == null) {
                throw new java.util.NoSuchElementException();
            }
            advance();
            return f;
        }
    }

    /** A body whose bytes are handed over as they are, not copied. */
    private static final class Body extends ByteArrayOutputStream {
        Body(int size) {
            super(size);
        }

        byte[] buffer() {
            return buf;
        }
    }

    /** The {@code name[]} parameters; empty means all. */
    static Set<String> names(String query) {
        if (query.isEmpty()) {
            return Collections.emptySet();
        }
        Set<String> names = new HashSet<String>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            if (decode(pair.substring(0, eq)).equals("name[]")) {
                names.add(decode(pair.substring(eq + 1)));
            }
        }
        return names;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, "UTF-8");
        } catch (UnsupportedEncodingException | IllegalArgumentException e) {
            return s;
        }
    }
}
