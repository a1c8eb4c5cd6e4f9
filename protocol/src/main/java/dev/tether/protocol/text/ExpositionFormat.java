package dev.tether.protocol.text;

import java.util.Locale;

/** The two text formats, with their content types and the rules for choosing one from HTTP headers. */
public enum ExpositionFormat {
    TEXT_004("text/plain; version=0.0.4; charset=utf-8"),
    OPENMETRICS("application/openmetrics-text; version=1.0.0; charset=utf-8");

    private final String contentType;

    ExpositionFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The {@code Content-Type} to send with a body in this format. */
    public String contentType() {
        return contentType;
    }

    /**
     * The format of a request body from its {@code Content-Type}; {@code null} when that type is
     * neither text format. A missing header means text 0.0.4, as for the Pushgateway. So does
     * {@code application/x-www-form-urlencoded}: it is what {@code curl --data-binary} sends unless
     * told otherwise, and every Pushgateway example pushes exactly that way.
     */
    public static ExpositionFormat fromContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return TEXT_004;
        }
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        switch (media) {
            case "text/plain":
            case "application/x-www-form-urlencoded":
                return TEXT_004;
            case "application/openmetrics-text":
                return OPENMETRICS;
            default:
                return null;
        }
    }

    /**
     * The format to answer a scrape with, from its {@code Accept} header: OpenMetrics only when asked
     * for by name, with a quality ({@code q}) above zero and no lower than the best the header gives
     * text 0.0.4 ({@code text/plain}, {@code text/*} or {@code *}{@code /*}). Prometheus's own header
     * therefore gets OpenMetrics; a missing header, a browser's or {@code curl}'s gets text 0.0.4.
     */
    public static ExpositionFormat negotiate(String accept) {
        if (accept == null) {
            return TEXT_004;
        }
        double openMetrics = -1;
        double text = -1;
        for (String part : accept.split(",")) {
            String[] params = part.split(";");
            String media = params[0].trim().toLowerCase(Locale.ROOT);
            double q = quality(params);
            if (media.equals("application/openmetrics-text")) {
                openMetrics = Math.max(openMetrics, q);
            } else if (media.equals("text/plain") || media.equals("text/*") || media.equals("*/*")) {
                text = Math.max(text, q);
            }
        }
        return openMetrics > 0 && openMetrics >= text ? OPENMETRICS : TEXT_004;
    }

    /** The {@code q} parameter of one media range: 1 when absent, 0 when unreadable (treated as refused). */
    private static double quality(String[] params) {
        for (int i = 1; i < params.length; i++) {
            String p = params[i].trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("q")) {
                try {
                    double q = Double.parseDouble(p.substring(eq + 1).trim());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
