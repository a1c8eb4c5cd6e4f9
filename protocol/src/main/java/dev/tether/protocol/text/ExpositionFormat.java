package dev.tether.protocol.text;

import java.util.Locale;

/** The two text formats, with their content types and the negotiation rules. */
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
     * neither text format. A missing header means text 0.0.4, as for the Pushgateway.
     */
    public static ExpositionFormat fromContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return TEXT_004;
        }
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        switch (media) {
            case "text/plain":
                return TEXT_004;
            case "application/openmetrics-text":
                return OPENMETRICS;
            default:
                return null;
        }
    }

    /** The format to answer a scrape with, from its {@code Accept} header: OpenMetrics only when asked for. */
    public static ExpositionFormat negotiate(String accept) {
        if (accept == null) {
            return TEXT_004;
        }
        for (String part : accept.split(",")) {
            String[] params = part.split(";");
            if (!params[0].trim().equalsIgnoreCase("application/openmetrics-text")) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < params.length; i++) {
                String p = params[i].trim().replace(" ", "");
                if (p.equals("q=0") || p.matches("q=0\\.0*")) {
                    refused = true;
                }
            }
            if (!refused) {
                return OPENMETRICS;
            }
        }
        return TEXT_004;
    }
}
