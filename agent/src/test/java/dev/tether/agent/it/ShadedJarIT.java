package dev.tether.agent.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar everyone relies on: relocated, declared as an agent, and small. */
class ShadedJarIT {
    @TempDir
    Path tmp;

    @Test
    void jar_everyClass_underTheAgentsOwnPackage() throws Exception {
        try (JarFile jar = new JarFile(BuildOutputs.agentJar())) {
            List<String> foreign = jar.stream().map(e -> e.getName())
                    .filter(n -> n.endsWith(".class"))
                    .map(n -> n.replaceFirst("^META-INF/versions/\\d+/", ""))
                    .filter(n -> !n.startsWith("dev/tether/agent/"))
                    .toList();
            assertThat(foreign).isEmpty();
            assertThat(jar.getEntry("dev/tether/agent/shaded/net/bytebuddy/jar/asm/ClassWriter.class")).isNotNull();
            // Only Byte Buddy's ASM is used at run time; the rest of Byte Buddy is left out.
            assertThat(jar.getEntry("dev/tether/agent/shaded/net/bytebuddy/agent/builder/AgentBuilder.class")).isNull();
            assertThat(jar.getEntry("dev/tether/agent/shaded/io/prometheus/client/hotspot/DefaultExports.class")).isNotNull();
        }
    }

    @Test
    void jar_manifest_declaresTheAgentEntryPoints() throws Exception {
        try (JarFile jar = new JarFile(BuildOutputs.agentJar())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Premain-Class")).isEqualTo("dev.tether.agent.TetherAgent");
            assertThat(main.getValue("Agent-Class")).isEqualTo("dev.tether.agent.TetherAgent");
            assertThat(main.getValue("Main-Class")).isEqualTo("dev.tether.agent.cli.AgentCommand");
            assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
        }
    }

    @Test
    void jar_size_withinTheFiveMegabyteBudget() throws Exception {
        assertThat(Files.size(Path.of(BuildOutputs.agentJar()))).isLessThanOrEqualTo(5_000_000L);
    }

    @Test
    void javaJar_version_printsTheVersion() throws Exception {
        try (ChildJvm cli = ChildJvm.launch(List.of(Jdk.available().get(0).java(), "-jar", BuildOutputs.agentJar(), "--version"), tmp, Map.of())) {
            assertThat(cli.awaitExit()).isZero();
            assertThat(cli.stdout()).matches("tether-agent \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
        }
    }
}
