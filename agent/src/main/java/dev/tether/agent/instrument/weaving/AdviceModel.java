package dev.tether.agent.instrument.weaving;

/**
 * An advice class as the weaver sees it, read from its class file by {@link AdviceParser}: at most one
 * enter and one exit method, and whether exit also runs when the advised method throws.
 */
public final class AdviceModel {
    private final String className;
    private final AdviceMethod enter;
    private final AdviceMethod exit;
    private final boolean onThrowable;

    AdviceModel(String className, AdviceMethod enter, AdviceMethod exit, boolean onThrowable) {
        this.className = className;
        this.enter = enter;
        this.exit = exit;
        this.onThrowable = onThrowable;
    }

    /** The binary name ({@code a.B$C}). */
    public String className() {
        return className;
    }

    /** Null when the advice has no {@code @Advice.OnMethodEnter} method. */
    AdviceMethod enter() {
        return enter;
    }

    /** Null when the advice has no {@code @Advice.OnMethodExit} method. */
    AdviceMethod exit() {
        return exit;
    }

    /** {@code @Advice.OnMethodExit(onThrowable = Throwable.class)}. */
    boolean onThrowable() {
        return onThrowable;
    }
}
