package dev.tether.agent.instrument.weaving;

/** An advice class, or its use on one method, asks for something the weaver does not do. */
public final class UnsupportedAdviceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnsupportedAdviceException(String message) {
        super(message);
    }
}
