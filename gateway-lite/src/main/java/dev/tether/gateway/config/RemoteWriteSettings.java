package dev.tether.gateway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Parses the {@code --remote-write-*} values. Lists are split on line feeds (repeated flags) and commas. */
final class RemoteWriteSettings {
    /** Headers that remote write sets itself, or that the HTTP client refuses to take from a caller. */
    private static final Set<String> RESERVED_HEADERS = Set.of("content-type", "content-encoding", "content-length",
            "x-prometheus-remote-write-version", "host", "connection", "expect", "upgrade", "authorization");

    private RemoteWriteSettings() {
    }

    static List<URI> parseUrls(String v) {
        List<URI> out = new ArrayList<>();
        for (String item : split(v)) {
            URI u;
            try {
                u = new URI(item);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("invalid URL '" + item + "': " + e.getMessage());
            }
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                throw new IllegalArgumentException("invalid URL '" + item + "': expected http(s)://host[:port]/path");
            }
            if (!out.contains(u)) {
                out.add(u);
            }
        }
        return out;
    }

    static Path parseTokenFile(String v) {
        if (v.isBlank()) {
            return null;
        }
        Path p = Path.of(v.trim());
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new IllegalArgumentException("cannot read the token file '" + v.trim() + "'");
        }
        return p;
    }

    static Map<String, String> parseHeaders(String v) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : split(v)) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("invalid header '" + item + "': expected Name=value");
            }
            String name = item.substring(0, eq).trim();
            String value = item.substring(eq + 1).trim();
            if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                throw new IllegalArgumentException("invalid header name '" + name + "'");
            }
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header '" + name + "' is set by remote write itself"
                        + (name.equalsIgnoreCase("authorization") ? "; use --remote-write-bearer-token-file" : ""));
            }
            out.put(name, value);
        }
        return out;
    }

    private static List<String> split(String v) {
        List<String> out = new ArrayList<>();
        for (String part : v.split("[\\n,]")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }
}
