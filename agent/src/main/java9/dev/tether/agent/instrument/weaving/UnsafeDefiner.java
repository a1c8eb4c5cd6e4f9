package dev.tether.agent.instrument.weaving;

import jdk.internal.misc.Unsafe;

import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Java 9+ version of {@code UnsafeDefiner} (see the Java 8 one): {@code jdk.internal.misc.Unsafe}
 * called directly, its package exported to the agent alone. No reflection: on JDK 18+ each reflective
 * method costs a generated accessor, and this runs while the app starts.
 */
public final class UnsafeDefiner implements ClassDefiner {
    private UnsafeDefiner() {
    }

    public static UnsafeDefiner of(Instrumentation instrumentation) {
        return internal(instrumentation);
    }

    public static UnsafeDefiner internal(Instrumentation instrumentation) {
        Module javaBase = Object.class.getModule();
        instrumentation.redefineModule(javaBase, Set.<Module>of(), Map.of("jdk.internal.misc", Set.of(UnsafeDefiner.class.getModule())),
                Map.<String, Set<Module>>of(), Set.<Class<?>>of(), Map.<Class<?>, List<Class<?>>>of());
        return new UnsafeDefiner();
    }

    @Override
    public Class<?> define(String binaryName, byte[] classFile, ClassLoader loader) {
        // Resolved only now, after the export above.
        return Unsafe.getUnsafe().defineClass(binaryName, classFile, 0, classFile.length, loader, null);
    }
}
