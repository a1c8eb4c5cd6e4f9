package dev.tether.protocol.json;

/** Malformed JSON, with the character offset (from 0) where reading stopped. */
public final class JsonException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offset;

    public JsonException(int offset, String reason) {
        super("JSON error at offset " + offset + ": " + reason);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
