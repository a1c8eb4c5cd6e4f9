package dev.tether.agent.instrument;

/**
 * One kind of class an instrumentation rewrites: which types (by name, see {@link TypeFilter}), which
 * of their methods, and the advice (named, never loaded by the agent: Byte Buddy reads its class file
 * and inlines it).
 */
public interface TypeInstrumentation {
    TypeFilter types();

    /** Evaluated only for the classes {@link #types()} selected. */
    MethodSelector methods();

    /** The methods to advise in one selected class; {@link #methods()} unless the choice depends on the class. */
    default MethodSelector methodsIn(String binaryClassName) {
        return methods();
    }

    /** The binary name of a class with static {@code @Advice.OnMethodEnter/Exit} methods. */
    String adviceClassName();
}
