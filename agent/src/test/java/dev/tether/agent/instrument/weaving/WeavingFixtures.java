package dev.tether.agent.instrument.weaving;

import dev.tether.agent.instrument.MethodSelector;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Class files of the test classes, and woven classes defined in a loader of their own. */
public final class WeavingFixtures {
    private WeavingFixtures() {
    }

    static byte[] classFile(Class<?> type) {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The woven bytes of {@code subject}, its selected methods calling {@code advice}. */
    static byte[] weave(Class<?> subject, MethodSelector methods, Class<?> advice) {
        return weave(classFile(subject), methods, advice);
    }

    static byte[] weave(byte[] subject, MethodSelector methods, Class<?>... advice) {
        List<ClassWeaver.Advised> advised = new ArrayList<>();
        for (Class<?> a : advice) {
            advised.add(new ClassWeaver.Advised(methods, AdviceParser.parse(classFile(a))));
        }
        Set<AdviceModel> used = new LinkedHashSet<>();
        byte[] woven = new ClassWeaver(advised).weave(subject, used);
        if (woven != null && used.size() != advice.length) {
            throw new AssertionError("woven but not all advice reported: " + used);
        }
        return woven;
    }

    /**
     * Defines {@code name} from {@code bytes} in a loader of its own, a child of the test's: the advice
     * resolves to the test's copy, and the JVM verifies the woven code (no class of a non-boot loader
     * escapes the verifier).
     */
    public static Class<?> defineAlone(String name, byte[] bytes) throws ClassNotFoundException {
        ClassLoader parent = WeavingFixtures.class.getClassLoader();
        Class<?> c = new ClassLoader(parent) {
            @Override
            protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
                if (n.equals(name)) {
                    synchronized (getClassLoadingLock(n)) {
                        Class<?> found = findLoadedClass(n);
                        return found != null ? found : defineClass(n, bytes, 0, bytes.length);
                    }
                }
                return super.loadClass(n, resolve);
            }
        }.loadClass(name);
        // Initialising links the class, which verifies every method now rather than at first call.
        return Class.forName(name, true, c.getClassLoader());
    }
}
