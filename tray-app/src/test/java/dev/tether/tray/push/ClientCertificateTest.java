package dev.tether.tray.push;

import dev.tether.tray.config.ProxySetting;
import dev.tether.tray.config.TraySettings;
import dev.tether.tray.core.Forwarder;
import dev.tether.tray.headless.HeadlessTray;
import dev.tether.tray.testing.RecordingLog;
import dev.tether.tray.testing.TestCa;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --client-cert}/{@code --client-key} files that cannot be used: one line, and the tray does not start or keeps its settings. */
class ClientCertificateTest {
    @TempDir
    static Path dir;

    private static TestCa.Issued client;

    private final RecordingLog log = new RecordingLog();

    @BeforeAll
    static void makeCertificate() throws Exception {
        client = TestCa.selfSignedServer(dir, "client");
        Files.setPosixFilePermissions(client.key(), PosixFilePermissions.fromString("rw-------"));
    }

    private static TraySettings settings(Path cert, Path key) {
        return TraySettings.builder().gateway("https://127.0.0.1:9").host("box-1").discoveryDir(dir.resolve("agents"))
                .proxy(ProxySetting.direct()).clientCert(cert).clientKey(key).build();
    }

    private String startError(Path cert, Path key) {
        try {
            HeadlessTray.start(Forwarder.builder(settings(cert, key)).log(log).env(Map.of())).close();
            throw new AssertionError("started with " + cert + " " + key);
        } catch (IOException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.getMessage();
        }
    }

    @Test
    void start_clientCertFileMissing_oneLineErrorAndNoStart() {
        Path missing = dir.resolve("missing.pem");
        assertThat(startError(missing, client.key()))
                .isEqualTo("--client-cert " + missing + ": cannot read it (NoSuchFileException)");
    }

    @Test
    void start_clientKeyNotPkcs8_errorWithOpensslCommand() throws Exception {
        Path pkcs1 = Files.writeString(dir.resolve("rsa.pem"), TestCa.pem("RSA PRIVATE KEY", new byte[] {1, 2, 3}));
        assertThat(startError(client.cert(), pkcs1)).isEqualTo("--client-key " + pkcs1 + ": a RSA PRIVATE KEY is not accepted;"
                + " convert it to unencrypted PKCS#8 with 'openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem'");
    }

    @Test
    void start_garbagePem_oneLineErrorNamingFlagAndFile() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        Path text = Files.writeString(dir.resolve("text.pem"), "not a key\n");
        assertThat(startError(garbage, client.key())).startsWith("--client-cert " + garbage + ": not a valid certificate");
        assertThat(startError(client.cert(), text)).isEqualTo("--client-key " + text
                + ": no PEM private key in it (expected -----BEGIN PRIVATE KEY-----)");
        assertThat(startError(client.cert(), client.cert())).startsWith("--client-key " + client.cert() + ": no PEM private key");
    }

    @Test
    void start_keyOfAnotherCertificate_oneLineError() throws Exception {
        TestCa.Issued other = TestCa.selfSignedServer(dir, "other");
        assertThat(startError(client.cert(), other.key())).startsWith("--client-key " + other.key()
                + " does not belong to the first certificate of --client-cert " + client.cert());
    }

    @Test
    void apply_badClientKey_previousSettingsKept() throws Exception {
        TraySettings good = settings(client.cert(), client.key());
        try (HeadlessTray t = HeadlessTray.start(Forwarder.builder(good).log(log).env(Map.of()))) {
            TraySettings bad = settings(client.cert(), dir.resolve("missing-key.pem"));

            assertThatThrownBy(() -> t.forwarder().apply(bad)).isInstanceOf(IOException.class)
                    .hasMessageContaining("--client-key " + dir.resolve("missing-key.pem"));
            assertThat(t.forwarder().settings()).isEqualTo(good);
        }
    }

    @Test
    void create_keyReadableByOthers_oneWarning() throws Exception {
        Path open = Files.copy(client.key(), dir.resolve("open-key.pem"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));

        GatewayConnector.create(ProxySetting.direct(), null, client.cert(), open, Map.of(), log);
        GatewayConnector.create(ProxySetting.direct(), null, client.cert(), client.key(), Map.of(), log);

        assertThat(log.lines()).singleElement().asString().contains("client key " + open + " is readable by other users (rw-r--r--)")
                .contains("chmod 600 " + open);
    }
}
