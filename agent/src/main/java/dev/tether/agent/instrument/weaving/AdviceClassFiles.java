package dev.tether.agent.instrument.weaving;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The class files of advice classes, read as resources of the agent's own loader (its jar, or its
 * classes directory in tests) and kept: a few KB for all of them. Reading never loads the class.
 */
public final class AdviceClassFiles {
    private final ClassLoader source;
    private final ConcurrentMap<String, byte[]> files = new ConcurrentHashMap<String, byte[]>();

    /** @param source the loader whose resources hold the advice classes */
    public AdviceClassFiles(ClassLoader source) {
        this.source = source;
    }

    /** @param binaryName {@code a.B$C} */
    byte[] get(String binaryName) throws IOException {
        byte[] bytes = files.get(binaryName);
        if (bytes == null) {
            bytes = ClassFiles.read(source, binaryName.replace('.', '/'));
            if (bytes == null) {
                throw new IOException("no class file for advice " + binaryName);
            }
            files.putIfAbsent(binaryName, bytes);
        }
        return bytes;
    }
}
