package dev.tether.agent.instrument.weaving;

/**
 * What one parameter of an advice method receives: {@code @Advice.This}, {@code @Advice.Argument},
 * {@code @Advice.Enter}, {@code @Advice.Return}, {@code @Advice.Thrown}, {@code @Advice.FieldValue} (an
 * instance field of the advised object, read when the advice is called) or one of the two
 * {@code @Advice.Origin} constants. Immutable.
 */
final class AdviceBinding {
    enum Kind { THIS, ARGUMENT, ENTER, RETURN, THROWN, FIELD, ORIGIN_TYPE, ORIGIN_METHOD }

    private final Kind kind;
    private final int index;
    private final boolean optional;
    private final String descriptor;
    private final String field;

    /**
     * @param index      the argument's index, for {@link Kind#ARGUMENT}; else -1
     * @param optional   null when absent ({@code this} of a static method, an argument beyond the arity)
     * @param descriptor the advice parameter's type ({@code Ljava/lang/Object;}, {@code J})
     */
    AdviceBinding(Kind kind, int index, boolean optional, String descriptor) {
        this(kind, index, optional, descriptor, null);
    }

    /** @param field the field's name, for {@link Kind#FIELD} */
    AdviceBinding(Kind kind, int index, boolean optional, String descriptor, String field) {
        this.field = field;
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

    String field() {
        return field;
    }

    @Override
    public String toString() {
        return kind + (kind == Kind.ARGUMENT ? "(" + index + ")" : kind == Kind.FIELD ? "(" + field + ")" : "") + " " + descriptor;
    }
}
