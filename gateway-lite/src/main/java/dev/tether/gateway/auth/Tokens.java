package dev.tether.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Making and hashing tokens. A plain token exists only in the request and in the tray's token file. */
public final class Tokens {
    /** Marks a Tether token, so secret scanners and people can tell what it is. */
    public static final String PREFIX = "tether_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** A fresh token: 256 random bits, URL-safe base64, with {@link #PREFIX}. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256 of the token's UTF-8 bytes. */
    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The tokens-file form of a token's hash: {@code sha256:<64 hex digits>}. */
    public static String hashLine(String token) {
        return "sha256:" + HexFormat.of().formatHex(sha256(token));
    }

    /**
     * Whether two hashes are equal, in time that does not depend on where they differ
     * ({@link MessageDigest#isEqual} is constant-time since JDK 6u17).
     */
    public static boolean sameHash(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
