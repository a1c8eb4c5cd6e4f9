package dev.tether.gateway.pushgateway;

import dev.tether.gateway.http.HttpError;
import dev.tether.gateway.metrics.PushResult;
import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.Names;
import io.undertow.server.HttpServerExchange;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The grouping key of a Pushgateway path, {@code /metrics/job/<job>{/<label>/<value>}*}, parsed as the
 * Pushgateway parses it: {@code job@base64} and {@code <label>@base64} take URL-safe base64 values
 * ({@code =} padding optional), which is how {@code /} and empty values get through; label names
 * must be valid and not start with {@code __}; the job may not be empty; a {@code job} label in the
 * path is overridden by the job.
 *
 * <p>One difference: an empty {@code instance} is dropped from the key. Every series of a group
 * without an instance gets {@code instance=""}, so {@code /metrics/job/a/instance/} and
 * {@code /metrics/job/a} would write the same series (the Pushgateway refuses the second push as
 * inconsistent); here both name the same group.
 */
public final class GroupPath {
    /** The path prefix of the Pushgateway push API. */
    public static final String PREFIX = "/metrics/";
    private static final String BASE64_SUFFIX = "@base64";

    private GroupPath() {
    }

    /**
     * The grouping key of a request: its raw path percent-decoded here, since the server leaves an
     * encoded {@code /} ({@code %2F}) encoded, and the Pushgateway decodes it (and then splits on it).
     */
    public static Labels of(HttpServerExchange ex) {
        String raw = ex.getRequestURI();
        return parse(raw.startsWith("/") ? percentDecode(raw) : ex.getRequestPath());
    }

    /** {@code %XX} escapes to UTF-8 bytes; a {@code +} stays a {@code +}, as in any path. */
    static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw HttpError.badRequest("invalid URL escape in " + raw);
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * @param path the decoded request path, starting with {@code /metrics/}
     * @return the grouping labels, {@code job} included
     * @throws HttpError 404 when the path is not a push path (no {@code job} or an empty one, as no
     *     Pushgateway route matches it), 400 when it is one but malformed
     */
    public static Labels parse(String path) {
        if (!path.startsWith(PREFIX)) {
            throw notFound(path);
        }
        String rest = path.substring(PREFIX.length());
        boolean jobBase64;
        if (rest.startsWith("job/")) {
            jobBase64 = false;
            rest = rest.substring("job/".length());
        } else if (rest.startsWith("job" + BASE64_SUFFIX + "/")) {
            jobBase64 = true;
            rest = rest.substring(("job" + BASE64_SUFFIX + "/").length());
        } else {
            throw notFound(path);
        }
        int slash = rest.indexOf('/');
        String job = slash < 0 ? rest : rest.substring(0, slash);
        String labels = slash < 0 ? "" : rest.substring(slash);
        if (job.isEmpty()) {
            throw notFound(path);
        }
        if (jobBase64) {
            job = decodeBase64(job, "job");
        }
        if (job.isEmpty()) {
            throw HttpError.badRequest("job name is required");
        }
        Map<String, String> result = splitLabels(labels);
        result.put("job", job);
        if ("".equals(result.get("instance"))) {
            result.remove("instance");
        }
        return Labels.of(result);
    }

    /** The Pushgateway's {@code splitLabels}: {@code /a/1/b@base64/Mg} to {@code a=1, b=2}. */
    static Map<String, String> splitLabels(String labels) {
        Map<String, String> result = new LinkedHashMap<>();
        if (labels.length() <= 1) {
            return result;
        }
        String[] parts = labels.split("/", -1);
        if (parts.length % 2 == 0) {
            throw HttpError.badRequest("odd number of components in label string \"" + labels + "\"");
        }
        for (int i = 1; i < parts.length - 1; i += 2) {
            String name = parts[i];
            String value = parts[i + 1];
            boolean base64 = name.endsWith(BASE64_SUFFIX);
            String trimmed = base64 ? name.substring(0, name.length() - BASE64_SUFFIX.length()) : name;
            if (!Names.isValidLabelName(trimmed) || trimmed.startsWith("__")) {
                throw HttpError.badRequest("improper label name \"" + trimmed + "\"");
            }
            result.put(trimmed, base64 ? decodeBase64(value, trimmed) : value);
        }
        return result;
    }

    /** URL-safe base64, padding optional (trailing {@code =} are ignored, as the Pushgateway does). */
    static String decodeBase64(String value, String what) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '=') {
            end--;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(value.substring(0, end)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("invalid base64 encoding for " + what + "=\"" + value + "\": " + e.getMessage());
        }
    }

    private static HttpError notFound(String path) {
        return new HttpError(404, PushResult.BAD_REQUEST, "no such endpoint: " + path
                + " (push to /metrics/job/<job>{/<label>/<value>})", false);
    }
}
