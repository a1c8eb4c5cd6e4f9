package dev.tether.gateway.tls;

import dev.tether.gateway.config.ConfigException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
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
 * that converts them.
 */
public final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    private PemFiles() {
    }

    /** The certificates of a PEM file, in file order. */
    public static List<X509Certificate> certificates(Path file, String flag) throws ConfigException {
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
            throw new ConfigException(flag + " " + file + ": not a valid certificate (" + e.getMessage() + ")");
        }
        if (out.isEmpty()) {
            throw new ConfigException(flag + " " + file + ": no PEM certificate in it (expected -----BEGIN CERTIFICATE-----)");
        }
        return out;
    }

    /** The private key of a PEM file (PKCS#8, RSA or EC). */
    public static PrivateKey privateKey(Path file, String flag) throws ConfigException {
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
                    throw new ConfigException(flag + " " + file + ": the PKCS#8 key is neither RSA nor EC");
                }
                case "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY" -> throw new ConfigException(flag + " " + file
                        + ": a " + type + " is not accepted; convert it to unencrypted PKCS#8 with"
                        + " 'openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem', or use --tls-keystore");
                default -> {
                    // certificates may share the file; skip them
                }
            }
        }
        throw new ConfigException(flag + " " + file + ": no PEM private key in it (expected -----BEGIN PRIVATE KEY-----)");
    }

    /** Whether the private key belongs to the certificate's public key (a signature round trip). */
    static boolean matches(PrivateKey key, PublicKey pub) {
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

    private static String read(Path file, String flag) throws ConfigException {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ConfigException(flag + " " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] decode(String base64, Path file, String flag) throws ConfigException {
        try {
            return Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(flag + " " + file + ": a PEM block is not valid base64");
        }
    }
}
