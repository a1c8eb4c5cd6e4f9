package dev.tether.tray.config;

import java.net.URI;
import java.util.Objects;

/**
 * How pushes reach the gateways: through the system's proxy settings and the
 * {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY} environment ({@link #auto()}, the default),
 * directly ({@link #direct()}), or through one explicit proxy.
 */
public final class ProxySetting {
    /** The three ways. */
    public enum Mode { AUTO, DIRECT, EXPLICIT }

    private static final ProxySetting AUTO = new ProxySetting(Mode.AUTO, null);
    private static final ProxySetting DIRECT = new ProxySetting(Mode.DIRECT, null);

    private final Mode mode;
    private final URI proxy;

    private ProxySetting(Mode mode, URI proxy) {
        this.mode = mode;
        this.proxy = proxy;
    }

    public static ProxySetting auto() {
        return AUTO;
    }

    public static ProxySetting direct() {
        return DIRECT;
    }

    public static ProxySetting explicit(URI proxy) {
        return new ProxySetting(Mode.EXPLICIT, Objects.requireNonNull(proxy));
    }

    /**
     * Parses a setting: {@code auto}, {@code none}/{@code direct}, or {@code http://host:port}.
     *
     * @throws IllegalArgumentException on anything else
     */
    public static ProxySetting parse(String text) {
        String t = text.trim();
        if (t.equals("auto") || t.equals("system")) {
            return AUTO;
        }
        if (t.equals("none") || t.equals("direct")) {
            return DIRECT;
        }
        URI uri = parseProxyUri(t);
        if (uri == null) {
            throw new IllegalArgumentException("invalid proxy '" + text
                    + "': expected auto, none, or http://host:port");
        }
        return explicit(uri);
    }

    /** A proxy URI such as {@code http://proxy:3128} (a missing scheme means http), or null if invalid. */
    static URI parseProxyUri(String text) {
        String t = text.contains("://") ? text : "http://" + text;
        try {
            URI uri = URI.create(t);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return null;
            }
            return uri;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public Mode mode() {
        return mode;
    }

    /** The explicit proxy, or null. */
    public URI proxy() {
        return proxy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProxySetting && ((ProxySetting) o).mode == mode
                && Objects.equals(((ProxySetting) o).proxy, proxy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, proxy);
    }

    @Override
    public String toString() {
        return mode == Mode.EXPLICIT ? proxy.toString() : mode.name().toLowerCase(java.util.Locale.ROOT);
    }
}
