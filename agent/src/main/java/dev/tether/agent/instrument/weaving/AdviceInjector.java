package dev.tether.agent.instrument.weaving;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Makes an advice class resolvable from a class loader whose classes call it: defines it there, once
 * per loader and class, from the agent's copy of its class file. Advice may therefore reference only
 * what every such loader sees: the JDK, the instrumented library's API and the bridge
 * ({@code dev.tether.agent.bootstrap}, in the boot loader).
 *
 * <p>Loaders are held weakly; the boot loader is {@code null}.
 */
public final class AdviceInjector {
    private final ClassDefiner definer;
    private final AdviceClassFiles files;
    private final Map<ClassLoader, Set<String>> byLoader = new WeakHashMap<ClassLoader, Set<String>>();
    private final Set<String> bootLoader = new HashSet<String>();

    public AdviceInjector(ClassDefiner definer, AdviceClassFiles files) {
        this.definer = definer;
        this.files = files;
    }

    /**
     * @param loader     the instrumented class's loader, null for the boot loader
     * @param binaryName the advice class
     */
    public synchronized void inject(ClassLoader loader, String binaryName) throws Exception {
        Set<String> done = loader == null ? bootLoader : byLoader.get(loader);
        if (done == null) {
            done = new HashSet<String>();
            byLoader.put(loader, done);
        }
        if (done.contains(binaryName)) {
            return;
        }
        try {
            definer.define(binaryName, files.get(binaryName), loader);
        } catch (LinkageError e) {
            if (!isVisible(loader, binaryName)) {
                throw e;
            }
            // Already there: defined before, or the loader finds its own copy.
        }
        done.add(binaryName);
    }

    private static boolean isVisible(ClassLoader loader, String binaryName) {
        try {
            Class.forName(binaryName, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
