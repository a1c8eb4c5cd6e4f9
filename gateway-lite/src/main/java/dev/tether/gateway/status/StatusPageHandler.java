package dev.tether.gateway.status;

import dev.tether.gateway.http.ListHostsHandler;
import dev.tether.gateway.http.Responses;
import dev.tether.gateway.store.HostState;
import dev.tether.gateway.store.HostStore;
import dev.tether.gateway.store.StoreView;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /}: the status page. The table is rendered here, so the page works without JavaScript
 * ({@code ?host=NAME} adds that host's details); the inline script (no framework, nothing fetched
 * from elsewhere) only refreshes it from {@code /api/v1/hosts}, sorts, filters and loads details on a
 * click. Every value that came from a push is escaped here and set with {@code textContent} there.
 */
final class StatusPageHandler implements HttpHandler {
    private static final String CSS = resource("status.css");
    private static final String SCRIPT = resource("status.js");
    /** Only this page's own script and style may run: anything injected would not. */
    private static final String CSP = "default-src 'none'; script-src " + hash(SCRIPT) + "; style-src " + hash(CSS)
            + "; connect-src 'self'; img-src 'self'";
    /** How often the script refreshes the table. */
    static final Duration REFRESH = Duration.ofSeconds(2);

    private final HostStore store;

    StatusPageHandler(HostStore store) {
        this.store = store;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) {
        StoreView view = store.view();
        String selected = Responses.queryParam(ex, "host");
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Tether gateway</title><style>").append(CSS).append("</style></head>\n")
                .append("<body data-refresh-ms=\"").append(REFRESH.toMillis()).append("\">\n")
                .append("<h1>Tether gateway</h1>\n");
        List<Map<String, Object>> hosts = ListHostsHandler.describe(view);
        sb.append("<p id=\"summary\">").append(Html.escape(summary(hosts))).append("</p>\n");
        sb.append("<div id=\"controls\" hidden><input id=\"filter\" type=\"search\" placeholder=\"Filter by host\"")
                .append(" aria-label=\"Filter by host\"><select id=\"state-filter\" aria-label=\"Filter by state\">")
                .append("<option value=\"\">all states</option>");
        for (HostState s : HostState.values()) {
            sb.append("<option>").append(s.apiName()).append("</option>");
        }
        sb.append("</select><span id=\"refreshed\"></span></div>\n");
        sb.append("<table id=\"hosts\"><thead><tr>")
                .append("<th data-sort=\"host\" class=\"sorted-asc\">Host</th><th data-sort=\"state\">State</th>")
                .append("<th data-sort=\"lastPush\">Last push</th><th data-sort=\"ttlSeconds\">TTL</th>")
                .append("<th data-sort=\"expiresIn\">Expires in</th><th data-sort=\"series\">Series</th>")
                .append("<th data-sort=\"bytes\">Bytes</th></tr></thead>\n<tbody>\n");
        for (Map<String, Object> h : hosts) {
            row(h, view.now(), selected, sb);
        }
        sb.append("</tbody></table>\n<p id=\"empty\" class=\"muted\"").append(hosts.isEmpty() ? "" : " hidden")
                .append(">No host has pushed yet.</p>\n<section id=\"details\">");
        if (selected != null) {
            details(HostDetails.of(view, selected), selected, sb);
        }
        sb.append("</section>\n<p class=\"muted\">JSON: <a href=\"api/v1/hosts\">/api/v1/hosts</a> \u00b7 ")
                .append("Prometheus: <a href=\"metrics\">/metrics</a></p>\n")
                .append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
        ex.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        // The page runs only its own inline script and talks only to this gateway.
        ex.getResponseHeaders().put(Headers.CONTENT_SECURITY_POLICY, CSP);
        ex.getResponseHeaders().put(Headers.X_CONTENT_TYPE_OPTIONS, "nosniff");
        ex.getResponseSender().send(sb.toString(), StandardCharsets.UTF_8);
    }

    static String summary(List<Map<String, Object>> hosts) {
        Map<HostState, Integer> counts = new EnumMap<>(HostState.class);
        for (HostState s : HostState.values()) {
            counts.put(s, 0);
        }
        for (Map<String, Object> h : hosts) {
            counts.merge(HostState.valueOf(((String) h.get("state")).toUpperCase(java.util.Locale.ROOT)), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(hosts.size()).append(hosts.size() == 1 ? " host: " : " hosts: ");
        String sep = "";
        for (Map.Entry<HostState, Integer> e : counts.entrySet()) {
            sb.append(sep).append(e.getValue()).append(' ').append(e.getKey().apiName());
            sep = " \u00b7 ";
        }
        return sb.toString();
    }

    private static void row(Map<String, Object> h, Instant now, String selected, StringBuilder sb) {
        String host = (String) h.get("host");
        String state = (String) h.get("state");
        String lastPush = (String) h.get("lastPush");
        sb.append("<tr data-host=\"").append(Html.escape(host)).append("\" data-state=\"").append(Html.escape(state))
                .append('"').append(host.equals(selected) ? " class=\"selected\"" : "").append('>')
                .append("<td><a class=\"host-link\" href=\"?host=").append(Html.escape(host)).append("\">")
                .append(Html.escape(host)).append("</a></td>")
                .append("<td><span class=\"badge badge-").append(Html.escape(state)).append("\">").append(Html.escape(state))
                .append("</span></td>");
        if (lastPush == null) {
            sb.append("<td>never</td>");
        } else {
            sb.append("<td title=\"").append(Html.escape(lastPush)).append("\">")
                    .append(duration(secondsBetween(Instant.parse(lastPush), now))).append(" ago</td>");
        }
        Object ttl = h.get("ttlSeconds");
        sb.append("<td class=\"num\">").append(ttl == null ? "\u2013" : duration((Double) ttl)).append("</td>");
        String until = "up".equals(state) ? (String) h.get("expiresAt") : "paused".equals(state) ? (String) h.get("pausedUntil") : null;
        sb.append("<td class=\"num\">").append(until == null ? "\u2013" : duration(secondsBetween(now, Instant.parse(until))))
                .append("</td><td class=\"num\">").append(h.get("series")).append("</td><td class=\"num\">")
                .append(bytes(((Number) h.get("bytes")).longValue())).append("</td></tr>\n");
    }

    @SuppressWarnings("unchecked")
    private static void details(Map<String, Object> d, String asked, StringBuilder sb) {
        if (d == null) {
            sb.append("<h2>No host <code>").append(Html.escape(asked)).append("</code></h2>");
            return;
        }
        String state = (String) d.get("state");
        sb.append("<h2>Host <code class=\"detail-host\">").append(Html.escape(d.get("host"))).append("</code> ")
                .append("<span class=\"badge badge-").append(Html.escape(state)).append("\">").append(Html.escape(state))
                .append("</span></h2><h3>Targets</h3>");
        List<Map<String, Object>> targets = (List<Map<String, Object>>) d.get("targets");
        if (targets.isEmpty()) {
            sb.append("<p class=\"muted\">No tether_target_up series.</p>");
        } else {
            sb.append("<table class=\"targets\"><tr><th>job</th><th>instance</th><th>tether_target_up</th></tr>");
            for (Map<String, Object> t : targets) {
                double up = (Double) t.get("up");
                sb.append("<tr><td class=\"target-job\">").append(Html.escape(t.get("job"))).append("</td><td class=\"target-instance\">")
                        .append(Html.escape(t.get("instance"))).append("</td><td class=\"").append(up == 1 ? "target-up" : "target-down")
                        .append("\">").append(up == Math.rint(up) ? String.valueOf((long) up) : String.valueOf(up)).append("</td></tr>");
            }
            sb.append("</table>");
        }
        List<Map<String, Object>> families = (List<Map<String, Object>>) d.get("families");
        sb.append("<h3>Series (").append(d.get("series")).append(")</h3>");
        if (families.isEmpty()) {
            sb.append("<p class=\"muted\">No series served now.</p>");
        } else {
            sb.append("<ul class=\"families\">");
            for (Map<String, Object> f : families) {
                sb.append("<li><code class=\"family-name\">").append(Html.escape(f.get("name"))).append("</code><span class=\"muted\"> ")
                        .append(Html.escape(f.get("type"))).append(", ").append(f.get("series")).append("</span></li>");
            }
            sb.append("</ul>");
        }
    }

    private static double secondsBetween(Instant a, Instant b) {
        return Duration.between(a, b).toMillis() / 1000.0;
    }

    /** The same spelling as the script's: 45s, 2m 5s, 1h 3m, 2d 4h. */
    static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m " + s % 60 + "s";
        }
        if (s < 86400) {
            return s / 3600 + "h " + s % 3600 / 60 + "m";
        }
        return s / 86400 + "d " + s % 86400 / 3600 + "h";
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1048576) {
            return String.format(java.util.Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MiB", n / 1048576.0);
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(d) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = StatusPageHandler.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
