package dev.tether.agent.instrument;

import dev.tether.agent.instrument.weaving.ClassFiles;
import net.bytebuddy.jar.asm.ClassReader;

import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Answers "is {@code X} a subtype of one of these names?" for a class being defined, from class-file
 * headers only: the defining class's bytes, then its supertypes' class files read as resources from
 * its loader. Nothing is loaded (a transformer must not load the supertypes of the class it is
 * looking at) and the answers for supertypes are cached per class loader, so a hierarchy is read once.
 *
 * <p>The cache holds one entry per supertype name seen, at most {@link #MAX_ENTRIES_PER_LOADER} per
 * loader; past that, answers are computed again rather than stored. Loaders are held weakly.
 */
final class SupertypeIndex {
    static final int MAX_ENTRIES_PER_LOADER = 20_000;
    private static final int MAX_DEPTH = 32;

    private final Set<String> targets;
    private final Map<ClassLoader, Map<String, Boolean>> byLoader = new WeakHashMap<ClassLoader, Map<String, Boolean>>();
    private final Map<String, Boolean> bootLoader = new HashMap<String, Boolean>();

    /** @param targets internal names ({@code java/sql/Statement}) */
    SupertypeIndex(Set<String> targets) {
        this.targets = Collections.unmodifiableSet(targets);
    }

    /** Whether the class in {@code classFile}, defined by {@code loader}, has a target among its supertypes. */
    boolean isSubtype(ClassLoader loader, byte[] classFile) {
        ClassReader header;
        try {
            header = new ClassReader(classFile);
        } catch (RuntimeException malformed) {
            return false; // the JVM will refuse it with a better message
        }
        try {
            if ((header.getAccess() & (0x0200 /* interface */ | 0x2000 /* annotation */)) != 0) {
                return false;
            }
            return anyIsSubtype(loader, header.getSuperName(), header.getInterfaces(), 0);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private boolean anyIsSubtype(ClassLoader loader, String superName, String[] interfaces, int depth) {
        if (superName != null && isOrExtends(loader, superName, depth)) {
            return true;
        }
        for (String i : interfaces) {
            if (isOrExtends(loader, i, depth)) {
                return true;
            }
        }
        return false;
    }

    private boolean isOrExtends(ClassLoader loader, String internalName, int depth) {
        if (targets.contains(internalName)) {
            return true;
        }
        if ("java/lang/Object".equals(internalName) || depth >= MAX_DEPTH) {
            return false;
        }
        Boolean known = cached(loader, internalName);
        if (known != null) {
            return known;
        }
        boolean answer = false;
        byte[] file = read(loader, internalName);
        if (file != null) {
            try {
                ClassReader header = new ClassReader(file);
                answer = anyIsSubtype(loader, header.getSuperName(), header.getInterfaces(), depth + 1);
            } catch (RuntimeException malformed) {
                answer = false;
            }
        }
        remember(loader, internalName, answer);
        return answer;
    }

    private Boolean cached(ClassLoader loader, String name) {
        synchronized (byLoader) {
            Map<String, Boolean> m = loader == null ? bootLoader : byLoader.get(loader);
            return m == null ? null : m.get(name);
        }
    }

    private void remember(ClassLoader loader, String name, boolean answer) {
        synchronized (byLoader) {
            Map<String, Boolean> m = loader == null ? bootLoader : byLoader.get(loader);
            if (m == null) {
                m = new HashMap<String, Boolean>();
                byLoader.put(loader, m);
            }
            if (m.size() < MAX_ENTRIES_PER_LOADER) {
                m.put(name, answer);
            }
        }
    }

    private static byte[] read(ClassLoader loader, String internalName) {
        try {
            return ClassFiles.read(loader, internalName);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
