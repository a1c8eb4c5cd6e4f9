package dev.tether.agent.instrument.weaving;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Class files read as resources, never loaded: what the weaver, the transformer and the bridge need. */
public final class ClassFiles {
    private ClassFiles() {
    }

    /**
     * @param loader       null for the boot loader (read through the system loader, which delegates to it)
     * @param internalName {@code a/B$C}
     * @return the class file, or null when the loader has none
     */
    public static byte[] read(ClassLoader loader, String internalName) throws IOException {
        String path = internalName + ".class";
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(path) : loader.getResourceAsStream(path)) {
            return in == null ? null : readAll(in);
        }
    }

    /** Everything left in {@code in} (the agent is compiled for Java 8: no {@code InputStream.readAllBytes}). */
    public static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
