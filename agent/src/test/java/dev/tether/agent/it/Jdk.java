package dev.tether.agent.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A JDK on this machine that the child-JVM tests run on: 17 always, Temurin 25 when it is installed. */
record Jdk(String name, Path home) {
    private static final List<Jdk> CANDIDATES = List.of(
            new Jdk("jdk17", Path.of("/usr/lib/jvm/java-17-openjdk-amd64")),
            new Jdk("temurin25", Path.of("/usr/lib/jvm/temurin-25-jdk-amd64")));

    static List<Jdk> available() {
        List<Jdk> found = new ArrayList<>();
        for (Jdk jdk : CANDIDATES) {
            if (Files.isExecutable(jdk.home.resolve("bin/java"))) {
                found.add(jdk);
            }
        }
        if (found.isEmpty()) {
            // Elsewhere: at least the JDK running the build.
            found.add(new Jdk("current", Path.of(System.getProperty("java.home"))));
        }
        return found;
    }

    String java() {
        return home.resolve("bin/java").toString();
    }

    /** The feature release ({@code 17}, {@code 25}), from the JDK's {@code release} file. */
    int feature() throws java.io.IOException {
        for (String line : Files.readAllLines(home.resolve("release"))) {
            if (line.startsWith("JAVA_VERSION=\"")) {
                String version = line.substring("JAVA_VERSION=\"".length());
                return Integer.parseInt(version.split("[.\"]")[0]);
            }
        }
        throw new IllegalStateException("no JAVA_VERSION in " + home.resolve("release"));
    }

    @Override
    public String toString() {
        return name;
    }
}
