package dev.tether.tray.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for {@code 127.0.0.1}, made by the JDK's own {@code keytool} in a temp
 * dir: the server side's {@link SSLContext} and the PEM file a tray gets as {@code --ca-file}.
 */
public final class TestCertificate {
    private static final String PASS = "changeit";

    private final Path pem;
    private final SSLContext serverContext;

    private TestCertificate(Path pem, SSLContext serverContext) {
        this.pem = pem;
        this.serverContext = serverContext;
    }

    public static TestCertificate create(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path store = dir.resolve("gateway.p12");
        Path pem = dir.resolve("ca.pem");
        run(List.of(keytool.toString(), "-genkeypair", "-alias", "gw", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", PASS, "-keypass", PASS));
        run(List.of(keytool.toString(), "-exportcert", "-rfc", "-alias", "gw", "-keystore", store.toString(),
                "-storepass", PASS, "-file", pem.toString()));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASS.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASS.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return new TestCertificate(pem, ctx);
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("keytool failed: " + out);
        }
    }

    /** The certificate as PEM, for {@code --ca-file}. */
    public Path pem() {
        return pem;
    }

    public SSLContext serverContext() {
        return serverContext;
    }
}
