package dev.tether.protocol.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JDK-only PEM reading that the gateway ({@code --tls-key}) and the tray ({@code --client-key}) share. */
class PemTest {
    @TempDir
    Path dir;

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static KeyPair keys(String alg, int size) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(alg);
        g.initialize(size);
        return g.generateKeyPair();
    }

    @Test
    void privateKey_pkcs8RsaAndEc_readAndMatchTheirPublicKeys() throws Exception {
        KeyPair rsa = keys("RSA", 2048);
        KeyPair ec = keys("EC", 256);
        Path rsaFile = Files.writeString(dir.resolve("rsa.pem"), "junk before\n" + pem("PRIVATE KEY", rsa.getPrivate().getEncoded()));
        Path ecFile = Files.writeString(dir.resolve("ec.pem"), pem("PRIVATE KEY", ec.getPrivate().getEncoded()));

        PrivateKey r = Pem.privateKey(rsaFile, "--k");
        PrivateKey e = Pem.privateKey(ecFile, "--k");

        assertThat(r.getAlgorithm()).isEqualTo("RSA");
        assertThat(e.getAlgorithm()).isEqualTo("EC");
        assertThat(Pem.matches(r, rsa.getPublic())).isTrue();
        assertThat(Pem.matches(e, ec.getPublic())).isTrue();
        assertThat(Pem.matches(e, keys("EC", 256).getPublic())).isFalse();
    }

    @Test
    void privateKey_notPkcs8_refusedWithOpensslCommand() throws Exception {
        for (String type : new String[] {"RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY"}) {
            Path f = Files.writeString(dir.resolve("k.pem"), pem(type, new byte[] {1, 2, 3}));
            assertThatThrownBy(() -> Pem.privateKey(f, "--client-key")).isInstanceOfSatisfying(PemException.class, ex -> {
                assertThat(ex.notPkcs8()).isTrue();
                assertThat(ex.getMessage()).isEqualTo("--client-key " + f + ": a " + type + " is not accepted; convert it to"
                        + " unencrypted PKCS#8 with 'openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem'");
            });
        }
    }

    @Test
    void readers_badFiles_oneLineNamingFlagAndFile() throws Exception {
        Path missing = dir.resolve("missing.pem");
        Path text = Files.writeString(dir.resolve("text.pem"), "hello\n");
        Path badBase64 = Files.writeString(dir.resolve("b64.pem"), "-----BEGIN PRIVATE KEY-----\nA\n-----END PRIVATE KEY-----\n");
        Path garbageCert = Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

        assertThatThrownBy(() -> Pem.certificates(missing, "--c")).hasMessage("--c " + missing + ": cannot read it (NoSuchFileException)");
        assertThatThrownBy(() -> Pem.certificates(text, "--c"))
                .hasMessage("--c " + text + ": no PEM certificate in it (expected -----BEGIN CERTIFICATE-----)");
        assertThatThrownBy(() -> Pem.certificates(garbageCert, "--c")).hasMessageStartingWith("--c " + garbageCert + ": not a valid certificate");
        assertThatThrownBy(() -> Pem.privateKey(text, "--k"))
                .hasMessage("--k " + text + ": no PEM private key in it (expected -----BEGIN PRIVATE KEY-----)");
        assertThatThrownBy(() -> Pem.privateKey(badBase64, "--k")).hasMessage("--k " + badBase64 + ": a PEM block is not valid base64");
    }
}
