package dev.tether.tray.push;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Proxies from the environment, as curl reads them: {@code HTTPS_PROXY} for https URLs,
 * {@code HTTP_PROXY} for http ones (lower case wins over upper case), except for hosts in
 * {@code NO_PROXY} (comma-separated names, domain suffixes such as {@code .corp} or
 * {@code corp}, IP addresses, or {@code *}). When the environment names no proxy, the system
 * selector decides (JVM proxy properties and, with {@code java.net.useSystemProxies}, the OS's settings).
 */
public final class EnvProxySelector extends ProxySelector {
    private final Map<String, String> env;
    private final ProxySelector fallback;

    public EnvProxySelector(Map<String, String> env, ProxySelector fallback) {
        this.env = env;
        this.fallback = fallback;
    }

    @Override
    public List<Proxy> select(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String proxy = scheme.equals("https") ? get("https_proxy") : get("http_proxy");
        if (proxy == null || proxy.isBlank()) {
            List<Proxy> sys = fallback == null ? null : fallback.select(uri);
            return sys == null || sys.isEmpty() ? List.of(Proxy.NO_PROXY) : sys;
        }
        if (bypassed(uri.getHost(), uri.getPort())) {
            return List.of(Proxy.NO_PROXY);
        }
        URI p = URI.create(proxy.contains("://") ? proxy : "http://" + proxy);
        int port = p.getPort() > 0 ? p.getPort() : 80;
        List<Proxy> out = new ArrayList<>(1);
        out.add(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.getHost(), port)));
        return out;
    }

    /** Whether {@code NO_PROXY} names this host. */
    boolean bypassed(String host, int port) {
        String noProxy = get("no_proxy");
        if (noProxy == null || host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        for (String raw : noProxy.split(",")) {
            String e = raw.trim().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            if (e.equals("*")) {
                return true;
            }
            int colon = e.lastIndexOf(':');
            if (colon > 0 && e.indexOf(':') == colon && e.substring(colon + 1).matches("\\d+")) {
                if (Integer.parseInt(e.substring(colon + 1)) != port) {
                    continue;
                }
                e = e.substring(0, colon);
            }
            if (e.startsWith("*.")) {
                e = e.substring(1);
            }
            if (e.startsWith(".")) {
                e = e.substring(1);
            }
            if (h.equals(e) || h.endsWith("." + e)) {
                return true;
            }
        }
        return false;
    }

    private String get(String lowerName) {
        String v = env.get(lowerName);
        return v != null ? v : env.get(lowerName.toUpperCase(Locale.ROOT));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        if (fallback != null) {
            fallback.connectFailed(uri, sa, ioe);
        }
    }
}
