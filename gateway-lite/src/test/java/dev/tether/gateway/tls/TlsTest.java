package dev.tether.gateway.tls;

import dev.tether.gateway.Gateway;
import dev.tether.gateway.auth.GatewaySecurity;
import dev.tether.gateway.auth.Tokens;
import dev.tether.gateway.config.ConfigException;
import dev.tether.gateway.config.GatewayConfig;
import dev.tether.gateway.config.SecurityConfig;
import dev.tether.gateway.testing.Http;
import dev.tether.gateway.testing.MutableClock;
import dev.tether.gateway.testing.TestCertificates;
import dev.tether.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real TLS on loopback with certificates the test makes, and a client that checks the server's certificate. */
class TlsTest {
    static final String TOKEN = Tokens.newToken();
    static TestCertificates ca;
    static TestCertificates.Issued ecServer;

    @TempDir
    Path dir;
    final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void certificates() {
        ca = TestCertificates.ca("tether-test-ca");
        ecServer = ca.server(false);
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    int start(Consumer<SecurityConfig.Builder> tls) throws Exception {
        Path tokens = Files.writeString(dir.resolve("tokens"), Tokens.hashLine(TOKEN) + " laptop-*\n");
        GatewayConfig config = TestGateway.config(dir.resolve("data"))
                .security(s -> tls.accept(s.tokensFile(tokens))).build();
        GatewaySecurity security = GatewaySecurity.load(config);
        open.add(security);
        Gateway gw = Gateway.start(config, MutableClock.at("2026-01-01T00:00:00Z"), security);
        open.add(gw);
        assertThat(security.scheme()).isEqualTo("https");
        return gw.address().getPort();
    }

    Consumer<SecurityConfig.Builder> pem(TestCertificates.Issued server) {
        Path cert = server.writeCertPem(dir.resolve("cert.pem"));
        Path key = server.writeKeyPem(dir.resolve("key.pem"));
        return s -> s.tlsCert(cert).tlsKey(key);
    }

    @Test
    void pemEc_clientTrustingTheCa_pushesOverTls13_andTls12StillOffered() throws Exception {
        int port = start(pem(ecServer));

        HttpResponse<String> r = Http.tls(port, ca.clientContext(null)).push("laptop-1", TOKEN);
        HttpResponse<String> tls12 = Http.tls(port, ca.clientContext(null), "TLSv1.2").push("laptop-2", TOKEN);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.sslSession().map(SSLSession::getProtocol)).hasValue("TLSv1.3");
        assertThat(r.sslSession().get().getPeerCertificates()[0]).isEqualTo(ecServer.chain()[0]);
        assertThat(tls12.statusCode()).isEqualTo(200);
        assertThat(tls12.sslSession().map(SSLSession::getProtocol)).hasValue("TLSv1.2");
        assertThat(Http.tls(port, ca.clientContext(null)).push("laptop-3", null).statusCode()).isEqualTo(401);
    }

    @Test
    void clientTrustingAnotherCa_handshakeFails() throws Exception {
        int port = start(pem(ecServer));
        TestCertificates other = TestCertificates.ca("someone-else");

        assertThatThrownBy(() -> Http.tls(port, other.clientContext(null)).send("GET", "/-/healthy", null))
                .isInstanceOf(SSLHandshakeException.class);
        assertThatThrownBy(() -> new Http("http://127.0.0.1:" + port).send("GET", "/-/healthy", null)).isInstanceOf(IOException.class);
    }

    @Test
    void pkcs12KeystoreWithRsaKey_served() throws Exception {
        TestCertificates.Issued rsa = ca.server(true);
        Path p12 = rsa.writePkcs12(dir.resolve("server.p12"), "s3cret");
        int port = start(s -> s.tlsKeystore(p12).tlsKeystorePassword("s3cret"));

        HttpResponse<String> r = Http.tls(port, ca.clientContext(null)).call("GET", "/-/ready", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.sslSession().get().getPeerCertificates()[0]).isEqualTo(rsa.chain()[0]);
    }

    @Test
    void clientCa_clientWithoutCertificateRefused_withOneFromTheCaServed() throws Exception {
        Path clientCa = ca.writeCaPem(dir.resolve("client-ca.pem"));
        int port = start(pem(ecServer).andThen(s -> s.tlsClientCa(clientCa)));
        TestCertificates strangers = TestCertificates.ca("strangers");

        assertThat(Http.tls(port, ca.clientContext(ca.client("laptop-1"))).push("laptop-1", TOKEN).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> Http.tls(port, ca.clientContext(null)).send("GET", "/-/healthy", null)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Http.tls(port, ca.clientContext(strangers.client("x"))).send("GET", "/-/healthy", null))
                .isInstanceOf(IOException.class);
    }

    @Test
    void opensslMadeRsaPem_served_tls11Refused() throws Exception {
        Path key = dir.resolve("o-key.pem");
        Path cert = dir.resolve("o-cert.pem");
        Assumptions.assumeTrue(openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
                "-out", cert.toString(), "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1") != null,
                "openssl is not installed");
        int port = start(s -> s.tlsCert(cert).tlsKey(key));

        String tls12 = openssl("s_client", "-connect", "127.0.0.1:" + port, "-tls1_2");
        String tls11 = openssl("s_client", "-connect", "127.0.0.1:" + port, "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0");

        assertThat(tls12).contains("New, TLSv1.2, Cipher is");
        assertThat(tls11).contains("Cipher is (NONE)");
    }

    /** Runs openssl with no input; its output, or null when it is not installed. */
    static String openssl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }

    @Test
    void badOrMissingFiles_clearStartUpErrors() throws Exception {
        Path cert = ecServer.writeCertPem(dir.resolve("cert.pem"));
        Path key = ecServer.writeKeyPem(dir.resolve("key.pem"));
        Path otherKey = ca.server(false).writeKeyPem(dir.resolve("other-key.pem"));
        Path pkcs1 = Files.writeString(dir.resolve("rsa.pem"), TestCertificates.pem("RSA PRIVATE KEY", new byte[] {1, 2, 3}));
        Path p12 = ecServer.writePkcs12(dir.resolve("s.p12"), "right");
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

        assertThat(loadError(s -> s.tlsCert(dir.resolve("missing.pem")).tlsKey(key)))
                .isEqualTo("--tls-cert " + dir.resolve("missing.pem") + ": cannot read it (NoSuchFileException)");
        assertThat(loadError(s -> s.tlsCert(key).tlsKey(key))).contains("--tls-cert").contains("no PEM certificate");
        assertThat(loadError(s -> s.tlsCert(garbage).tlsKey(key))).contains("--tls-cert").contains("not a valid certificate");
        assertThat(loadError(s -> s.tlsCert(cert).tlsKey(cert))).contains("--tls-key").contains("no PEM private key");
        assertThat(loadError(s -> s.tlsCert(cert).tlsKey(otherKey))).contains("does not belong to the first certificate");
        assertThat(loadError(s -> s.tlsCert(cert).tlsKey(pkcs1))).contains("RSA PRIVATE KEY is not accepted")
                .contains("openssl pkcs8 -topk8 -nocrypt");
        assertThat(loadError(s -> s.tlsKeystore(p12).tlsKeystorePassword("wrong"))).contains("--tls-keystore")
                .contains("--tls-keystore-password").doesNotContain("wrong");
        assertThat(loadError(s -> s.tlsKeystore(dir.resolve("none.p12")))).contains("none.p12: no such file");
        assertThat(loadError(s -> s.tlsCert(cert).tlsKey(key).tlsClientCa(key))).contains("--tls-client-ca").contains("no PEM certificate");
    }

    String loadError(Consumer<SecurityConfig.Builder> tls) {
        GatewayConfig config = TestGateway.config(dir.resolve("data")).security(tls).build();
        try {
            GatewaySecurity.load(config).close();
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("loaded");
    }
}
