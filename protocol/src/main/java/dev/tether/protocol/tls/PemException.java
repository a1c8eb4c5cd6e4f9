package dev.tether.protocol.tls;

import java.io.IOException;

/** A PEM file that cannot be used; the message is one line naming the flag and the file. */
public final class PemException extends IOException {
    private static final long serialVersionUID = 1L;

    private final boolean notPkcs8;

    PemException(String message, boolean notPkcs8) {
        super(message);
        this.notPkcs8 = notPkcs8;
    }

    /** Whether the file holds a key in another format (PKCS#1, SEC1, encrypted) that {@code openssl} converts. */
    public boolean notPkcs8() {
        return notPkcs8;
    }
}
