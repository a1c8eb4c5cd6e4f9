package dev.tether.agent.instrument.weaving;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * {@code Unsafe.defineClass}: {@code jdk.internal.misc.Unsafe} on Java 9+, its package exported to the
 * agent alone through {@link Instrumentation#redefineModule}; {@code sun.misc.Unsafe} on Java 8. All by
 * reflection: the agent is compiled for Java 8.
 */
public final class UnsafeDefiner implements ClassDefiner {
    private final Object unsafe;
    private final Method define;

    private UnsafeDefiner(Object unsafe, Method define) {
        this.unsafe = unsafe;
        this.define = define;
    }

    /** The definer for this JVM. */
    public static UnsafeDefiner of(Instrumentation instrumentation) throws Exception {
        UnsafeDefiner internal = internal(instrumentation);
        if (internal != null) {
            return internal;
        }
        Class<?> type = Class.forName("sun.misc.Unsafe");
        Field field = type.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        return new UnsafeDefiner(field.get(null), defineMethod(type));
    }

    /** The {@code jdk.internal.misc.Unsafe} definer, or null on Java 8. */
    public static UnsafeDefiner internal(Instrumentation instrumentation) throws Exception {
        Class<?> type;
        try {
            type = Class.forName("jdk.internal.misc.Unsafe");
        } catch (ClassNotFoundException java8) {
            return null;
        }
        exportTo(instrumentation, type, "jdk.internal.misc");
        return new UnsafeDefiner(type.getMethod("getUnsafe").invoke(null), defineMethod(type));
    }

    private static Method defineMethod(Class<?> unsafeType) throws NoSuchMethodException {
        return unsafeType.getMethod("defineClass", String.class, byte[].class, int.class, int.class, ClassLoader.class, ProtectionDomain.class);
    }

    /** {@code instrumentation.redefineModule(java.base, exports package to the agent's module)}. */
    private static void exportTo(Instrumentation instrumentation, Class<?> inPackage, String packageName) throws Exception {
        Method getModule = Class.class.getMethod("getModule");
        Object javaBase = getModule.invoke(inPackage);
        Object agentModule = getModule.invoke(UnsafeDefiner.class);
        Class<?> moduleType = Class.forName("java.lang.Module");
        Method redefine = Instrumentation.class.getMethod("redefineModule", moduleType, Set.class, Map.class, Map.class, Set.class, Map.class);
        redefine.invoke(instrumentation, javaBase, Collections.emptySet(),
                Collections.singletonMap(packageName, Collections.singleton(agentModule)),
                Collections.emptyMap(), Collections.emptySet(), Collections.emptyMap());
    }

    @Override
    public Class<?> define(String binaryName, byte[] classFile, ClassLoader loader) throws Exception {
        try {
            return (Class<?>) define.invoke(unsafe, binaryName, classFile, 0, classFile.length, loader, null);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw cause instanceof Exception ? (Exception) cause : e;
        }
    }
}
