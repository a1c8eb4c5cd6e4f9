package dev.tether.gateway.it;

import dev.tether.gateway.testing.Http;
import dev.tether.gateway.testing.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The built jar: token new, tokens and TLS flags, the safe default, start-up errors. */
class SecurityProcessIT {
    static final Pattern LISTENING = Pattern.compile("tether-gateway listening on https://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;
    final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    record Result(int exit, String output) {
    }

    Result run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(GatewayProcessIT.javaBin(), "-jar", GatewayProcessIT.JAR.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        started.add(p);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    @Test
    void tokenNew_lineInTokensFile_tlsGatewayTakesThatTokenForItsHostsOnly_andNeverLogsIt() throws Exception {
        Result made = run("token", "new", "--hosts", "laptop-*,build-01");
        assertThat(made.exit()).isZero();
        List<String> lines = made.output().lines().filter(l -> !l.startsWith("#")).toList();
        String token = lines.get(0);
        assertThat(token).matches("tether_[A-Za-z0-9_-]{43}");
        assertThat(lines.get(1)).matches("sha256:[0-9a-f]{64} laptop-\\*,build-01");

        Path tokens = Files.writeString(dir.resolve("tokens"), lines.get(1) + "\n");
        TestCertificates ca = TestCertificates.ca("it-ca");
        TestCertificates.Issued server = ca.server(false);
        GatewayJar.Launched g = GatewayJar.launch(List.of("-Xmx96m", "-jar", GatewayProcessIT.JAR.toString(),
                "--listen", "127.0.0.1:0", "--data-dir", dir.resolve("data").toString(), "--tokens-file", tokens.toString(),
                "--tls-cert", server.writeCertPem(dir.resolve("cert.pem")).toString(),
                "--tls-key", server.writeKeyPem(dir.resolve("key.pem")).toString()), LISTENING, started);
        Process p = g.process();
        Thread reader = g.reader();
        StringBuffer log = g.log();
        Http https = Http.tls(g.port(), ca.clientContext(null));

        assertThat(https.push("laptop-9", token).statusCode()).isEqualTo(200);
        assertThat(https.push("build-02", token).statusCode()).isEqualTo(403);
        assertThat(https.push("laptop-9", null).statusCode()).isEqualTo(401);
        assertThat(https.push("laptop-9", token.substring(0, token.length() - 1) + "x").statusCode()).isEqualTo(401);
        assertThat(https.call("GET", "/metrics", null).body()).contains("x{host=\"laptop-9\"} 1.0");
        p.destroy();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        reader.join(5000);
        assertThat(log.toString()).contains("refused PUT /api/v1/hosts/build-02 from 127.0.0.1: host_not_allowed")
                .doesNotContain(token).doesNotContain(token.substring("tether_".length(), 20));
    }

    @Test
    void nonLoopbackWithoutTokens_exit2NamingInsecureNoAuth() throws Exception {
        Result r = run("--listen", "0.0.0.0:0", "--data-dir", dir.resolve("data").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.output()).hasLineCount(1).startsWith("tether-gateway: refusing to listen on 0.0.0.0:0 without --tokens-file")
                .contains("--insecure-no-auth");
    }

    @Test
    void startUpErrors_badTokensOrTlsFile_exit2WithOneLine() throws Exception {
        Path tokens = Files.writeString(dir.resolve("tokens"), "# ok\nnot-a-hash laptop-*\n");

        Result badTokens = run("--tokens-file", tokens.toString(), "--data-dir", dir.resolve("data").toString());
        Result noCert = run("--tls-cert", dir.resolve("nope.pem").toString(), "--tls-key", dir.resolve("nope.key").toString(),
                "--data-dir", dir.resolve("data").toString());
        Result usage = run("token", "new");

        assertThat(badTokens.exit()).isEqualTo(2);
        assertThat(badTokens.output()).hasLineCount(1).startsWith("tether-gateway: --tokens-file " + tokens + " line 2: expected");
        assertThat(noCert.exit()).isEqualTo(2);
        assertThat(noCert.output()).hasLineCount(1).contains("--tls-cert").contains("nope.pem: cannot read it");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.output()).contains("--hosts");
    }

    @Test
    void help_listsSecurityFlagsAndTokenNew() throws Exception {
        Result r = run("--help");

        assertThat(r.output()).contains("--tokens-file", "--scrape-token-file", "--insecure-no-auth ", "--tls-cert", "--tls-key",
                "--tls-keystore", "--tls-keystore-password", "--tls-client-ca", "--max-push-rate", "--push-burst",
                "--max-connections", "--max-header-bytes", "token new --hosts");
    }
}
