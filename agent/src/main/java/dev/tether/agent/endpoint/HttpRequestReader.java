package dev.tether.agent.endpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads one HTTP/1.x request head, bounded in size so a bad client cannot make the agent buffer much. */
final class HttpRequestReader {
    static final int MAX_HEAD_BYTES = 8192;

    private HttpRequestReader() {
    }

    /** Thrown for a head the agent will not serve; carries the status to answer with. */
    static final class BadRequest extends Exception {
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** @return the request, or null when the client closed the connection before sending anything */
    static HttpRequest read(InputStream in) throws IOException, BadRequest {
        byte[] head = new byte[MAX_HEAD_BYTES];
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (length == 0) {
                    return null;
                }
                throw new BadRequest(400, "incomplete request");
            }
            if (length == MAX_HEAD_BYTES) {
                throw new BadRequest(431, "request head over " + MAX_HEAD_BYTES + " bytes");
            }
            head[length++] = (byte) b;
            if (endsHead(head, length)) {
                break;
            }
        }
        return parse(new String(head, 0, length, StandardCharsets.ISO_8859_1));
    }

    private static boolean endsHead(byte[] head, int length) {
        return length >= 2 && head[length - 1] == '\n'
                && (head[length - 2] == '\n' || length >= 4 && head[length - 2] == '\r' && head[length - 3] == '\n');
    }

    static HttpRequest parse(String head) throws BadRequest {
        String[] lines = head.split("\r?\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.") || requestLine[1].isEmpty()) {
            throw new BadRequest(400, "malformed request line");
        }
        Map<String, String> headers = new LinkedHashMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                break;
            }
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new BadRequest(400, "malformed header line");
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            String previous = headers.get(name);
            headers.put(name, previous == null ? value : previous + ", " + value);
        }
        return new HttpRequest(requestLine[0], requestLine[1], headers);
    }
}
