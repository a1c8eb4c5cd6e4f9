package dev.tether.agent.instrument.weaving;

/**
 * What one parameter of an advice method receives: {@code @Advice.This}, {@code @Advice.Argument},
 * {@code @Advice.Enter}, {@code @Advice.Return}, {@code @Advice.Thrown} or one of the two
 * {@code @Advice.Origin} constants. Immutable.
 */
final class AdviceBinding {
    enum Kind { THIS, ARGUMENT, ENTER, RETURN, THROWN, ORIGIN_TYPE, ORIGIN_METHOD }

    private final Kind kind;
    private final int index;
    private final boolean optional;
    private final String descriptor;

    /**
     * @param index      the argument's index, for {@link Kind#ARGUMENT}; else -1
     * @param optional   null when absent ({@code this} of a static method, an argument beyond the arity)
     * @param descriptor the advice parameter's type ({@code Ljava/lang/Object;}, {@code J})
     */
    AdviceBinding(Kind kind, int index, boolean optional, String descriptor) {
        this.kind = kind;
        this.index = index;
        this.optional = optional;
        this.descriptor = descriptor;
    }

    Kind kind() {
        return kind;
    }

    int index() {
        return index;
    }

    boolean optional() {
        return optional;
    }

    String descriptor() {
        return descriptor;
    }

    @Override
    public String toString() {
        return kind + (kind == Kind.ARGUMENT ? "(" + index + ")" : "") + " " + descriptor;
    }
}
