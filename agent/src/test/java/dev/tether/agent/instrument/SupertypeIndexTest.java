package dev.tether.agent.instrument;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SupertypeIndexTest {
    private final ClassLoader loader = getClass().getClassLoader();
    private final SupertypeIndex index = new SupertypeIndex(Set.of("java/sql/Statement"));

    @Test
    void isSubtype_throughSuperclassAndSubinterface_isTrue() throws IOException {
        // JdbcPreparedStatement extends JdbcStatement (implements Statement) and implements PreparedStatement.
        assertThat(index.isSubtype(loader, classFile("org.h2.jdbc.JdbcPreparedStatement"))).isTrue();
        assertThat(index.isSubtype(loader, classFile("org.h2.jdbc.JdbcStatement"))).isTrue();
    }

    @Test
    void isSubtype_unrelatedClass_isFalse() throws IOException {
        assertThat(index.isSubtype(loader, classFile("org.h2.jdbc.JdbcConnection"))).isFalse();
        assertThat(index.isSubtype(loader, classFile("java.util.ArrayList"))).isFalse();
    }

    @Test
    void isSubtype_interface_isFalse() throws IOException {
        assertThat(index.isSubtype(loader, classFile("java.sql.PreparedStatement"))).isFalse();
    }

    @Test
    void isSubtype_malformedClassFile_isFalse() {
        assertThat(index.isSubtype(loader, new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2})).isFalse();
        assertThat(index.isSubtype(loader, new byte[0])).isFalse();
    }

    @Test
    void isSubtype_supertypeFileMissing_isFalse() throws IOException {
        // A class whose superclass the loader cannot find: answered, not thrown.
        ClassLoader empty = new ClassLoader(null) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return null;
            }
        };
        assertThat(index.isSubtype(empty, classFile("org.h2.jdbc.JdbcPreparedStatement"))).isFalse();
    }

    static byte[] classFile(String binaryName) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(binaryName.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
