package dev.tether.agent.endpoint;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;

/** A request line and headers; the agent never reads a body. Header names are lower-case. */
public final class HttpRequest {
    private final String method;
    private final String target;
    private final Map<String, String> headers;

    HttpRequest(String method, String target, Map<String, String> headers) {
        this.method = method;
        this.target = target;
        this.headers = Collections.unmodifiableMap(headers);
    }

    public String method() {
        return method;
    }

    /** The path and query, as sent. */
    public String target() {
        return target;
    }

    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    public String query() {
        int q = target.indexOf('?');
        return q < 0 ? "" : target.substring(q + 1);
    }

    /** @return the header's value, repeated headers joined by ", ", or null */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code Accept-Encoding} allows gzip (and does not refuse it with {@code q=0}). */
    public boolean acceptsGzip() {
        String accept = header("accept-encoding");
        if (accept == null) {
            return false;
        }
        for (String part : accept.split(",")) {
            String[] fields = part.trim().split(";");
            if (!fields[0].trim().equalsIgnoreCase("gzip")) {
                continue;
            }
            for (int i = 1; i < fields.length; i++) {
                String f = fields[i].replace(" ", "");
                if (f.startsWith("q=")) {
                    try {
                        return Double.parseDouble(f.substring(2)) > 0;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
            }
            return true;
        }
        return false;
    }
}
