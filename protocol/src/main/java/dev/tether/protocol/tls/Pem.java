package dev.tether.protocol.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM with the JDK alone. Certificates: one or more {@code BEGIN CERTIFICATE} blocks. Private keys:
 * unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}), RSA or EC. PKCS#1 ({@code BEGIN RSA PRIVATE KEY}),
 * SEC1 ({@code BEGIN EC PRIVATE KEY}) and encrypted keys are refused with the {@code openssl} line
 * that converts them. Every error is a {@link PemException} whose message starts with the flag and
 * the file, so that a caller can print it as is.
 */
public final class Pem {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    private Pem() {
    }

    /** The certificates of a PEM file, in file order; never empty. */
    public static List<X509Certificate> certificates(Path file, String flag) throws PemException {
        String text = read(file, flag);
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            Matcher m = BLOCK.matcher(text);
            while (m.find()) {
                if (m.group(1).equals("CERTIFICATE")) {
                    out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(decode(m.group(2), file, flag))));
                }
            }
        } catch (GeneralSecurityException e) {
            throw error(flag, file, "not a valid certificate (" + e.getMessage() + ")");
        }
        if (out.isEmpty()) {
            throw error(flag, file, "no PEM certificate in it (expected -----BEGIN CERTIFICATE-----)");
        }
        return out;
    }

    /** The private key of a PEM file (PKCS#8, RSA or EC). */
    public static PrivateKey privateKey(Path file, String flag) throws PemException {
        String text = read(file, flag);
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            switch (type) {
                case "PRIVATE KEY" -> {
                    byte[] der = decode(m.group(2), file, flag);
                    for (String alg : new String[] {"RSA", "EC"}) {
                        try {
                            return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
                        } catch (GeneralSecurityException e) {
                            // try the next algorithm
                        }
                    }
                    throw error(flag, file, "the PKCS#8 key is neither RSA nor EC");
                }
                case "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY" -> throw new PemException(flag + " " + file
                        + ": a " + type + " is not accepted; convert it to unencrypted PKCS#8 with"
                        + " 'openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem'", true);
                default -> {
                    // certificates may share the file; skip them
                }
            }
        }
        throw error(flag, file, "no PEM private key in it (expected -----BEGIN PRIVATE KEY-----)");
    }

    /**
     * A PKCS12 key store (empty password) holding the key and its chain under {@code alias}, for a
     * {@code KeyManagerFactory}; the key must belong to the chain's first certificate.
     *
     * @throws PemException naming both flags when the key does not belong to the certificate
     */
    public static KeyStore keyStore(Path certFile, String certFlag, Path keyFile, String keyFlag, String alias)
            throws PemException {
        List<X509Certificate> chain = certificates(certFile, certFlag);
        PrivateKey key = privateKey(keyFile, keyFlag);
        if (!matches(key, chain.get(0).getPublicKey())) {
            throw new PemException(keyFlag + " " + keyFile + " does not belong to the first certificate of " + certFlag
                    + " " + certFile + " (the certificate of that key must come first)", false);
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(alias, key, new char[0], chain.toArray(new Certificate[0]));
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new PemException(certFlag + "/" + keyFlag + ": cannot use them (" + e.getMessage() + ")", false);
        }
    }

    /** Whether the private key belongs to the certificate's public key (a signature round trip). */
    public static boolean matches(PrivateKey key, PublicKey pub) {
        try {
            String alg = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            byte[] data = "tether".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(data);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(pub);
            v.update(data);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String read(Path file, String flag) throws PemException {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw error(flag, file, "cannot read it (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] decode(String base64, Path file, String flag) throws PemException {
        try {
            return Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw error(flag, file, "a PEM block is not valid base64");
        }
    }

    private static PemException error(String flag, Path file, String what) {
        return new PemException(flag + " " + file + ": " + what, false);
    }
}
