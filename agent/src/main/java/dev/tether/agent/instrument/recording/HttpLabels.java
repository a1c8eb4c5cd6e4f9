package dev.tether.agent.instrument.recording;

/** Label values of HTTP requests, as constants where possible so that recording allocates nothing. */
final class HttpLabels {
    private static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"};
    private static final String[] STATUS = new String[600];

    static {
        for (int i = 0; i < STATUS.length; i++) {
            STATUS[i] = Integer.toString(i);
        }
    }

    private HttpLabels() {
    }

    /** A standard method's constant; anything else (a method is traffic too) is {@code other}. */
    static String method(String method) {
        if (method != null) {
            for (String m : METHODS) {
                if (m.equals(method)) {
                    return m;
                }
            }
        }
        return LabelLimiter.OTHER;
    }

    static String status(int status) {
        return status >= 0 && status < STATUS.length ? STATUS[status] : LabelLimiter.OTHER;
    }

    /**
     * The route of a request to the JDK server: its context's path, or for the root context {@code /} the
     * request's first path segment ({@code /users/7} is {@code /users}). The servlet advice passes the
     * context path plus a prefix mapping's servlet path as {@code contextPath}, and the rest as {@code rawPath}.
     */
    static String route(String contextPath, String rawPath) {
        if (contextPath != null && !contextPath.isEmpty() && !contextPath.equals("/")) {
            return contextPath;
        }
        if (rawPath == null || rawPath.length() <= 1 || rawPath.charAt(0) != '/') {
            return "/";
        }
        int end = rawPath.indexOf('/', 1);
        return end < 0 ? rawPath : rawPath.substring(0, end);
    }

    /** {@code host} or {@code host:port} when the URI names a port. */
    static String host(java.net.URI uri) {
        if (uri == null || uri.getHost() == null) {
            return "unknown";
        }
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /** The same for an {@code HttpURLConnection}'s URL. */
    static String host(java.net.URL url) {
        if (url == null || url.getHost() == null || url.getHost().isEmpty()) {
            return "unknown";
        }
        return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }
}
