package dev.tether.agent.instrument;

import dev.tether.agent.instrument.weaving.ClassFiles;
import dev.tether.agent.instrument.weaving.UnsafeDefiner;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Defines {@code dev.tether.agent.bootstrap} (the bridge instrumented code calls, a few KB) in the boot
 * class loader, so that advice called from JDK classes resolves it. It must run before any bridge class
 * is loaded, or the class path's copy would be loaded by the app class loader instead.
 *
 * <p>On Java 9+ the classes are defined with {@code jdk.internal.misc.Unsafe.defineClass}
 * ({@link UnsafeDefiner}).
 * {@code appendToBootstrapClassLoaderSearch} is kept for Java 8: on JDK 17 it prints "Sharing is only
 * supported for boot loader classes because bootstrap classpath has been appended" on stderr and turns
 * class data sharing off for the app's classes.
 */
final class BootstrapBridge {
    static final String PACKAGE_PATH = "dev/tether/agent/bootstrap/";

    private BootstrapBridge() {
    }

    static void inject(Instrumentation instrumentation) throws Exception {
        Map<String, byte[]> classes = readClasses();
        UnsafeDefiner definer = UnsafeDefiner.internal(instrumentation);
        if (definer == null) {
            appendJar(instrumentation, classes);
            return;
        }
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            definer.define(c.getKey(), c.getValue(), null);
        }
    }

    private static void appendJar(Instrumentation instrumentation, Map<String, byte[]> classes) throws IOException {
        File temp = File.createTempFile("tether-bootstrap", ".jar");
        temp.deleteOnExit();
        try (JarOutputStream out = new JarOutputStream(new FileOutputStream(temp))) {
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                out.putNextEntry(new JarEntry(c.getKey().replace('.', '/') + ".class"));
                out.write(c.getValue());
                out.closeEntry();
            }
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(temp));
    }

    /** Binary name to class file, from the agent's jar (or its classes directory in unit tests). */
    static Map<String, byte[]> readClasses() throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<String, byte[]>();
        File source = agentLocation();
        if (source.isDirectory()) {
            File[] files = new File(source, PACKAGE_PATH).listFiles();
            if (files != null) {
                for (File f : files) {
                    if (f.getName().endsWith(".class")) {
                        try (InputStream in = new FileInputStream(f)) {
                            classes.put(binaryName(PACKAGE_PATH + f.getName()), ClassFiles.readAll(in));
                        }
                    }
                }
            }
        } else {
            try (JarFile jar = new JarFile(source)) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().startsWith(PACKAGE_PATH) && entry.getName().endsWith(".class")) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            classes.put(binaryName(entry.getName()), ClassFiles.readAll(in));
                        }
                    }
                }
            }
        }
        if (classes.isEmpty()) {
            throw new IOException("no bridge classes in " + source);
        }
        return classes;
    }

    private static String binaryName(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }

    private static File agentLocation() throws IOException {
        CodeSource source = BootstrapBridge.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IOException("the agent's location is unknown");
        }
        try {
            return new File(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

}
