package dev.tether.tray.config;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * A target named in the settings rather than discovered, such as a local node_exporter:
 * {@code --target node=http://127.0.0.1:9100/metrics}, or just the URL.
 *
 * <p>Without a job, the job is derived from the URL's port: well-known exporter ports get their
 * usual name ({@code 9100} is {@code node}), any other port {@code static-<port>}. The instance is
 * always the URL's {@code host:port}, as Prometheus would label it.
 */
public final class StaticTarget {
    private static final Map<Integer, String> WELL_KNOWN_PORTS = Map.of(
            9100, "node",
            9090, "prometheus",
            9256, "process",
            9104, "mysqld",
            9187, "postgres",
            9121, "redis",
            9113, "nginx",
            9182, "windows");

    private final String job;
    private final URI url;

    public StaticTarget(String job, URI url) {
        this.job = Objects.requireNonNull(job, "job");
        this.url = Objects.requireNonNull(url, "url");
    }

    /**
     * Parses {@code [job=]URL}.
     *
     * @throws IllegalArgumentException with a message that names what is wrong
     */
    public static StaticTarget parse(String text) {
        String job = null;
        String url = text.trim();
        int eq = url.indexOf('=');
        int scheme = url.indexOf("://");
        if (eq > 0 && (scheme < 0 || eq < scheme)) {
            job = url.substring(0, eq).trim();
            url = url.substring(eq + 1).trim();
            if (job.isEmpty()) {
                throw new IllegalArgumentException("empty job in target '" + text + "'");
            }
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid target URL '" + url + "'");
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("target '" + text
                    + "' must be an http:// URL with a host, such as http://127.0.0.1:9100/metrics");
        }
        return new StaticTarget(job != null ? job : defaultJob(uri), uri);
    }

    static String defaultJob(URI uri) {
        int port = port(uri);
        return WELL_KNOWN_PORTS.getOrDefault(port, "static-" + port);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : 80;
    }

    public String job() {
        return job;
    }

    public URI url() {
        return url;
    }

    /** {@code host:port} of the URL, the target's {@code instance} label. */
    public String instance() {
        return urlHost() + ":" + port(url);
    }

    private String urlHost() {
        return url.getHost();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StaticTarget && ((StaticTarget) o).job.equals(job) && ((StaticTarget) o).url.equals(url);
    }

    @Override
    public int hashCode() {
        return Objects.hash(job, url);
    }

    @Override
    public String toString() {
        return job + "=" + url;
    }
}
