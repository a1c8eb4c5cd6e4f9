package dev.tether.agent.instrument;

/**
 * One kind of class an instrumentation rewrites: which types (by name, see {@link TypeFilter}), which
 * of their methods, and the advice (named, never loaded by the agent: the weaver reads its class file,
 * defines it in the instrumented class's loader and calls it from the selected methods).
 */
public interface TypeInstrumentation {
    TypeFilter types();

    /** Evaluated only for the classes {@link #types()} selected. */
    MethodSelector methods();

    /** The methods to advise in one selected class; {@link #methods()} unless the choice depends on the class. */
    default MethodSelector methodsIn(String binaryClassName) {
        return methods();
    }

    /**
     * The binary name of a public class with public static {@code @Advice.OnMethodEnter/Exit} methods
     * that never throw (each catches everything and reports it to {@code TetherBridge.adviceFailed});
     * see {@code weaving.AdviceParser} for the bindings supported. It may reference only the JDK, the
     * instrumented library's API and {@code dev.tether.agent.bootstrap}.
     */
    String adviceClassName();
}
