package dev.tether.agent.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build put what the child JVMs need (set by failsafe in agent/pom.xml). */
final class BuildOutputs {
    private BuildOutputs() {
    }

    static String agentJar() {
        return existing("tether.it.agentJar", "target/tether-agent.jar");
    }

    static String appClasses() {
        return existing("tether.it.appClasses", "target/test-classes");
    }

    /** The test scope's jars (H2, ...), for the test apps' child JVMs. */
    static String testLibraries() {
        String cp = System.getProperty("tether.it.testLibraries");
        if (cp == null || cp.isEmpty()) {
            throw new IllegalStateException("tether.it.testLibraries is missing: run the *IT tests through `mvn -pl agent verify`");
        }
        return cp;
    }

    static String lib(String fileName) {
        return existing("tether.it.libs", "target/it-libs") + "/" + fileName;
    }

    private static String existing(String property, String fallback) {
        Path p = Path.of(System.getProperty(property, fallback)).toAbsolutePath();
        if (!Files.exists(p)) {
            throw new IllegalStateException(p + " is missing: run the *IT tests through `mvn -pl agent verify`");
        }
        return p.toString();
    }
}
