package dev.tether.protocol.text;

/**
 * A malformed exposition. The message names the line and column (both counted from 1) and says what
 * was expected: {@code line 3, column 17: expected '=' after label name 'method'}.
 */
public final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String reason;

    public ParseException(int line, int column, String reason) {
        super("line " + line + ", column " + column + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** The line, from 1. */
    public int line() {
        return line;
    }

    /** The column, from 1, counted in bytes of the UTF-8 line. */
    public int column() {
        return column;
    }

    /** The message without the position. */
    public String reason() {
        return reason;
    }
}
