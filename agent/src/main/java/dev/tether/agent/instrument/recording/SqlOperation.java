package dev.tether.agent.instrument.recording;

/** The {@code operation} label of a statement, read from its first keyword without allocating. */
final class SqlOperation {
    private static final String[] KEYWORDS = {"select", "insert", "update", "delete"};

    private SqlOperation() {
    }

    static String of(String sql) {
        if (sql == null) {
            return "other";
        }
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (c == '-' && sql.startsWith("--", i)) {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        for (String k : KEYWORDS) {
            if (sql.regionMatches(true, i, k, 0, k.length())) {
                return k;
            }
        }
        if (sql.regionMatches(true, i, "with", 0, 4)) {
            return "select";
        }
        return "other";
    }
}
