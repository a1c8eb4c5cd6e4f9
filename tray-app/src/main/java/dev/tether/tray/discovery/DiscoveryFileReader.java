package dev.tether.tray.discovery;

import dev.tether.protocol.json.Json;
import dev.tether.protocol.json.JsonException;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Reads and checks the content of a discovery file. A file is refused when it is not JSON, is not
 * the agent's shape ({@code pid}, {@code url}, {@code app}), names a PID other than its file name
 * says, or points at anything but an http URL on loopback: the tray scrapes only this machine, so
 * a file that points elsewhere is foreign, whoever wrote it.
 */
public final class DiscoveryFileReader {
    private DiscoveryFileReader() {
    }

    /**
     * @param fileName the file's name, {@code <pid>.json}
     * @throws IllegalArgumentException with the reason the file is refused
     */
    public static AgentRecord parse(String fileName, String content) {
        Map<String, Object> o;
        try {
            o = Json.parseObject(content);
        } catch (JsonException e) {
            throw new IllegalArgumentException("not a JSON object (" + e.getMessage() + ")");
        }
        Object pid = o.get("pid");
        if (!(pid instanceof Long) || (Long) pid <= 0) {
            throw new IllegalArgumentException("no positive integer \"pid\"");
        }
        String expectedName = pid + ".json";
        if (!fileName.equals(expectedName)) {
            throw new IllegalArgumentException("pid " + pid + " does not match the file name (expected " + expectedName + ")");
        }
        String app = string(o, "app");
        if (app == null || app.isBlank()) {
            throw new IllegalArgumentException("no \"app\"");
        }
        String url = string(o, "url");
        if (url == null) {
            throw new IllegalArgumentException("no \"url\"");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid \"url\" '" + url + "'");
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() <= 0 || !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("\"url\" '" + url + "' is not an http URL with a port on loopback");
        }
        Instant startedAt = null;
        String started = string(o, "startedAt");
        if (started != null) {
            try {
                startedAt = Instant.parse(started);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("invalid \"startedAt\" '" + started + "'");
            }
        }
        return new AgentRecord((Long) pid, uri, app.trim(), startedAt, string(o, "agentVersion"), string(o, "jvm"));
    }

    private static String string(Map<String, Object> o, String key) {
        Object v = o.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String)) {
            throw new IllegalArgumentException("\"" + key + "\" is not a string");
        }
        return (String) v;
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equals("localhost")) {
            return true;
        }
        // Only literal addresses are accepted, so checking never waits on DNS.
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
