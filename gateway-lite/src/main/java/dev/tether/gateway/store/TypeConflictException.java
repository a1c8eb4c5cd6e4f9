package dev.tether.gateway.store;

/** A push has a family whose type differs from the same family of another live host. */
public final class TypeConflictException extends Exception {
    private static final long serialVersionUID = 1L;

    public TypeConflictException(String message) {
        super(message);
    }
}
