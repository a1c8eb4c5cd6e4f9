package dev.tether.protocol.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes JSON (RFC 8259).
 *
 * <p>Reading maps objects to {@code Map<String, Object>} (key order kept), arrays to
 * {@code List<Object>}, strings to {@code String}, integers that fit to {@code Long}, other numbers to
 * {@code Double}, and {@code true}/{@code false}/{@code null} to {@code Boolean}/{@code null}. It
 * refuses duplicate keys, trailing content and nesting deeper than {@value #MAX_DEPTH}, and throws
 * only {@link JsonException}.
 *
 * <p>Writing takes the same types (any {@link Number}, any {@link Iterable}); non-finite doubles are
 * written as {@code null}, which is what JSON can say of them.
 */
public final class Json {
    public static final int MAX_DEPTH = 64;

    private final String s;
    private int p;
    private int depth;

    private Json(String s) {
        this.s = s;
    }

    /** Parses one JSON value that makes up the whole of {@code text} (white space around it allowed). */
    public static Object parse(String text) throws JsonException {
        Json r = new Json(text);
        r.skipWhitespace();
        Object v = r.value();
        r.skipWhitespace();
        if (r.p != text.length()) {
            throw new JsonException(r.p, "unexpected content after the value");
        }
        return v;
    }

    /** Parses a JSON object; anything else is an error. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) throws JsonException {
        Object v = parse(text);
        if (!(v instanceof Map)) {
            throw new JsonException(0, "expected a JSON object");
        }
        return (Map<String, Object>) v;
    }

    private Object value() throws JsonException {
        if (p >= s.length()) {
            throw new JsonException(p, "expected a value, got the end of the input");
        }
        char c = s.charAt(p);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw new JsonException(p, "expected a value, got '" + c + "'");
        }
    }

    private Map<String, Object> object() throws JsonException {
        enter();
        p++;
        Map<String, Object> m = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            p++;
            depth--;
            return m;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw new JsonException(p, "expected a string key");
            }
            int keyAt = p;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object v = value();
            if (m.containsKey(key)) {
                throw new JsonException(keyAt, "duplicate key \"" + key + "\"");
            }
            m.put(key, v);
            skipWhitespace();
            char c = peek();
            p++;
            if (c == '}') {
                depth--;
                return m;
            }
            if (c != ',') {
                throw new JsonException(p - 1, "expected ',' or '}' in an object");
            }
        }
    }

    private List<Object> array() throws JsonException {
        enter();
        p++;
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            p++;
            depth--;
            return list;
        }
        while (true) {
            skipWhitespace();
            list.add(value());
            skipWhitespace();
            char c = peek();
            p++;
            if (c == ']') {
                depth--;
                return list;
            }
            if (c != ',') {
                throw new JsonException(p - 1, "expected ',' or ']' in an array");
            }
        }
    }

    private void enter() throws JsonException {
        if (++depth > MAX_DEPTH) {
            throw new JsonException(p, "nesting deeper than " + MAX_DEPTH);
        }
    }

    private String string() throws JsonException {
        int start = p;
        p++;
        StringBuilder sb = null;
        int runStart = p;
        while (p < s.length()) {
            char c = s.charAt(p);
            if (c == '"') {
                String out = sb == null ? s.substring(runStart, p) : sb.append(s, runStart, p).toString();
                p++;
                return out;
            }
            if (c < 0x20) {
                throw new JsonException(p, "control character in a string");
            }
            if (c == '\\') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(s, runStart, p);
                p++;
                if (p >= s.length()) {
                    break;
                }
                char e = s.charAt(p);
                switch (e) {
                    case '"': sb.append('"'); break;
                    case '\\': sb.append('\\'); break;
                    case '/': sb.append('/'); break;
                    case 'b': sb.append('\b'); break;
                    case 'f': sb.append('\f'); break;
                    case 'n': sb.append('\n'); break;
                    case 'r': sb.append('\r'); break;
                    case 't': sb.append('\t'); break;
                    case 'u':
                        if (p + 4 >= s.length()) {
                            throw new JsonException(p, "truncated \\u escape");
                        }
                        int cp = 0;
                        for (int i = 1; i <= 4; i++) {
                            int d = Character.digit(s.charAt(p + i), 16);
                            if (d < 0) {
                                throw new JsonException(p + i, "bad hex digit in \\u escape");
                            }
                            cp = cp * 16 + d;
                        }
                        sb.append((char) cp);
                        p += 4;
                        break;
                    default:
                        throw new JsonException(p - 1, "invalid escape '\\" + e + "'");
                }
                p++;
                runStart = p;
                continue;
            }
            p++;
        }
        throw new JsonException(start, "unterminated string");
    }

    private Object number() throws JsonException {
        int start = p;
        if (peek() == '-') {
            p++;
        }
        int intStart = p;
        while (p < s.length() && Character.isDigit(s.charAt(p)) && s.charAt(p) < 128) {
            p++;
        }
        if (p == intStart) {
            throw new JsonException(p, "expected a digit");
        }
        if (s.charAt(intStart) == '0' && p - intStart > 1) {
            throw new JsonException(intStart, "leading zero in a number");
        }
        boolean integral = true;
        if (p < s.length() && s.charAt(p) == '.') {
            integral = false;
            p++;
            int fs = p;
            while (p < s.length() && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
                p++;
            }
            if (p == fs) {
                throw new JsonException(p, "expected a digit after '.'");
            }
        }
        if (p < s.length() && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
            integral = false;
            p++;
            if (p < s.length() && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
                p++;
            }
            int es = p;
            while (p < s.length() && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
                p++;
            }
            if (p == es) {
                throw new JsonException(p, "expected a digit in the exponent");
            }
        }
        String text = s.substring(start, p);
        if (integral && p - intStart <= 18) {
            return Long.parseLong(text);
        }
        return Double.parseDouble(text);
    }

    private Object literal(String word, Object value) throws JsonException {
        if (!s.startsWith(word, p)) {
            throw new JsonException(p, "expected " + word);
        }
        p += word.length();
        return value;
    }

    private void expect(char c) throws JsonException {
        if (peek() != c) {
            throw new JsonException(p, "expected '" + c + "'");
        }
        p++;
    }

    private char peek() throws JsonException {
        if (p >= s.length()) {
            throw new JsonException(p, "unexpected end of the input");
        }
        return s.charAt(p);
    }

    private void skipWhitespace() {
        while (p < s.length()) {
            char c = s.charAt(p);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            p++;
        }
    }

    // ---- writing ----

    /** {@code value} as compact JSON. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb);
        return sb.toString();
    }

    /** Appends {@code value} as compact JSON. */
    public static void write(Object value, StringBuilder sb) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String) {
            quote((String) value, sb);
        } else if (value instanceof Boolean) {
            sb.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                sb.append("null");
            } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                sb.append((long) d);
            } else {
                sb.append(d);
            }
        } else if (value instanceof Number) {
            sb.append(value);
        } else if (value instanceof Map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                quote(String.valueOf(e.getKey()), sb);
                sb.append(':');
                write(e.getValue(), sb);
            }
            sb.append('}');
        } else if (value instanceof Iterable) {
            sb.append('[');
            boolean first = true;
            for (Object o : (Iterable<?>) value) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                write(o, sb);
            }
            sb.append(']');
        } else {
            quote(value.toString(), sb);
        }
    }

    /** Appends {@code s} as a JSON string literal. */
    public static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
