package dev.tether.tray.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A CA made by the JDK's {@code keytool} in a temp dir, and PEM files for mutual TLS: certificates
 * it signs (or self-signed ones) with their unencrypted PKCS#8 keys, as {@code --tls-cert}/
 * {@code --tls-key} and {@code --client-cert}/{@code --client-key} take them.
 */
public final class TestCa {
    private static final String PASS = "changeit";
    private static final Path KEYTOOL = Path.of(System.getProperty("java.home"), "bin", "keytool");

    /** The PEM files of one certificate: the chain (own certificate first) and its key. */
    public record Issued(Path cert, Path key) {
    }

    private final Path dir;
    private final String name;
    private final Path store;
    private final Path pem;

    private TestCa(Path dir, String name) {
        this.dir = dir;
        this.name = name;
        this.store = dir.resolve(name + ".p12");
        this.pem = dir.resolve(name + ".pem");
    }

    /** A new CA called {@code name}; its certificate is {@link #pem()}. */
    public static TestCa create(Path dir, String name) throws IOException, InterruptedException, GeneralSecurityException {
        TestCa ca = new TestCa(dir, name);
        genkeypair(ca.store, "CN=" + name, "bc:c");
        writeCert(ca.store, ca.pem);
        return ca;
    }

    /** A self-signed certificate for {@code 127.0.0.1} (a server's, trusted through {@code --ca-file}). */
    public static Issued selfSignedServer(Path dir, String name) throws IOException, InterruptedException, GeneralSecurityException {
        Path store = dir.resolve(name + ".p12");
        genkeypair(store, "CN=127.0.0.1", "san=ip:127.0.0.1");
        return new Issued(writeCert(store, dir.resolve(name + "-cert.pem")), writeKey(store, dir.resolve(name + "-key.pem")));
    }

    /** A client certificate for {@code CN=name} that this CA signs; the chain file holds it and the CA. */
    public Issued client(String clientName) throws IOException, InterruptedException, GeneralSecurityException {
        Path store = dir.resolve(clientName + ".p12");
        Path csr = dir.resolve(clientName + ".csr");
        Path signed = dir.resolve(clientName + "-cert.pem");
        genkeypair(store, "CN=" + clientName, null);
        keytool("-certreq", "-alias", "k", "-keystore", store.toString(), "-storepass", PASS, "-file", csr.toString());
        keytool("-gencert", "-rfc", "-alias", "k", "-keystore", this.store.toString(), "-storepass", PASS,
                "-infile", csr.toString(), "-outfile", signed.toString(), "-ext", "eku=clientAuth", "-validity", "2");
        Files.writeString(signed, Files.readString(signed) + Files.readString(pem));
        return new Issued(signed, writeKey(store, dir.resolve(clientName + "-key.pem")));
    }

    /** The CA's certificate as PEM, for {@code --tls-client-ca}. */
    public Path pem() {
        return pem;
    }

    public String name() {
        return name;
    }

    /** {@code der} as PEM of the given type: {@code PRIVATE KEY}, {@code CERTIFICATE}, ... */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static Path writeCert(Path fromStore, Path to) throws IOException, GeneralSecurityException {
        Certificate c = load(fromStore).getCertificate("k");
        return Files.writeString(to, pem("CERTIFICATE", c.getEncoded()));
    }

    private static Path writeKey(Path fromStore, Path to) throws IOException, GeneralSecurityException {
        byte[] pkcs8 = load(fromStore).getKey("k", PASS.toCharArray()).getEncoded();
        return Files.writeString(to, pem("PRIVATE KEY", pkcs8));
    }

    private static KeyStore load(Path store) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASS.toCharArray());
        }
        return ks;
    }

    private static void genkeypair(Path store, String dname, String ext) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", "k", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", dname, "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", PASS, "-keypass", PASS));
        if (ext != null) {
            args.addAll(List.of("-ext", ext));
        }
        keytool(args.toArray(new String[0]));
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(KEYTOOL.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("keytool failed: " + out);
        }
    }
}
