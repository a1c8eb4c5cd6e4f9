package dev.tether.gateway.testing;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Test certificates made with the JDK alone (a few lines of DER, no process, no library): a CA, and
 * certificates it signs for {@code 127.0.0.1}/{@code localhost} (server) or a client. Written as PEM
 * files and PKCS12 keystores, and turned into client {@link SSLContext}s.
 */
public final class TestCertificates {
    /** A key and its certificate chain (leaf first). */
    public record Issued(PrivateKey key, X509Certificate[] chain) {
        public Path writeCertPem(Path file) {
            StringBuilder sb = new StringBuilder();
            for (X509Certificate c : chain) {
                sb.append(pem("CERTIFICATE", encoded(c)));
            }
            return write(file, sb.toString());
        }

        /** Unencrypted PKCS#8, as {@code --tls-key} takes it. */
        public Path writeKeyPem(Path file) {
            return write(file, pem("PRIVATE KEY", key.getEncoded()));
        }

        public Path writePkcs12(Path file, String password) {
            try (OutputStream out = Files.newOutputStream(file)) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry("server", key, password.toCharArray(), chain);
                ks.store(out, password.toCharArray());
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final String caDn;
    private final KeyPair caKeys;
    private final X509Certificate ca;
    private long serial = 2;

    private TestCertificates(String caName) {
        caDn = "CN=" + caName;
        caKeys = ecKeys();
        ca = sign(caDn, caDn, caKeys.getPublic().getEncoded(), true, false, caKeys.getPrivate());
    }

    /** A new CA called {@code name}. */
    public static TestCertificates ca(String name) {
        return new TestCertificates(name);
    }

    public X509Certificate caCertificate() {
        return ca;
    }

    public Path writeCaPem(Path file) {
        return write(file, pem("CERTIFICATE", encoded(ca)));
    }

    /** A server certificate for 127.0.0.1 and localhost; {@code rsa} picks an RSA key instead of EC P-256. */
    public Issued server(boolean rsa) {
        KeyPair kp = rsa ? rsaKeys() : ecKeys();
        return new Issued(kp.getPrivate(), new X509Certificate[] {
            sign(caDn, "CN=localhost", kp.getPublic().getEncoded(), false, true, caKeys.getPrivate()), ca});
    }

    public Issued client(String name) {
        KeyPair kp = ecKeys();
        return new Issued(kp.getPrivate(), new X509Certificate[] {
            sign(caDn, "CN=" + name, kp.getPublic().getEncoded(), false, false, caKeys.getPrivate()), ca});
    }

    /** A client context that trusts only this CA, and presents {@code clientCert} when not null. */
    public SSLContext clientContext(Issued clientCert) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (clientCert != null) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("client", clientCert.key(), new char[0], clientCert.chain());
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, new char[0]);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private X509Certificate sign(String issuer, String subject, byte[] spki, boolean isCa, boolean serverNames, PrivateKey signer) {
        byte[] ecdsaSha256 = seq(oid(1, 2, 840, 10045, 4, 3, 2));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        if (isCa) {
            // basicConstraints, critical: cA TRUE
            ext.writeBytes(seq(oid(2, 5, 29, 19), new byte[] {1, 1, (byte) 0xff}, tlv(0x04, seq(new byte[] {1, 1, (byte) 0xff}))));
        }
        if (serverNames) {
            // subjectAltName: IP 127.0.0.1, DNS localhost
            byte[] names = seq(tlv(0x87, new byte[] {127, 0, 0, 1}), tlv(0x82, "localhost".getBytes(StandardCharsets.US_ASCII)));
            ext.writeBytes(seq(oid(2, 5, 29, 17), tlv(0x04, names)));
        }
        byte[] tbs = seq(
                tlv(0xa0, tlv(0x02, new byte[] {2})),
                tlv(0x02, BigInteger.valueOf(serial++).toByteArray()),
                ecdsaSha256,
                name(issuer),
                seq(time(now.minus(1, ChronoUnit.HOURS)), time(now.plus(1, ChronoUnit.DAYS))),
                name(subject),
                spki,
                ext.size() == 0 ? new byte[0] : tlv(0xa3, seq(ext.toByteArray())));
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(signer);
            s.update(tbs);
            byte[] sig = s.sign();
            byte[] bits = new byte[sig.length + 1];
            System.arraycopy(sig, 0, bits, 1, sig.length);
            byte[] der = seq(tbs, ecdsaSha256, tlv(0x03, bits));
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] name(String dn) {
        String cn = dn.substring("CN=".length());
        return seq(tlv(0x31, seq(oid(2, 5, 4, 3), tlv(0x0c, cn.getBytes(StandardCharsets.UTF_8)))));
    }

    private static byte[] time(Instant t) {
        String s = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC).format(t);
        return tlv(0x17, s.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] oid(int... arcs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(arcs[0] * 40 + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            int v = arcs[i];
            int shift = 28;
            while (shift > 0 && (v >>> shift) == 0) {
                shift -= 7;
            }
            for (; shift > 0; shift -= 7) {
                out.write(0x80 | ((v >>> shift) & 0x7f));
            }
            out.write(v & 0x7f);
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] seq(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return tlv(0x30, out.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 128) {
            out.write(n);
        } else if (n < 256) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static KeyPair ecKeys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(256);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(1024); // test speed; the JDK still accepts 1024-bit RSA in TLS
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
