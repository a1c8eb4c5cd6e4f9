package dev.tether.tray.push;

import dev.tether.protocol.tls.Pem;
import dev.tether.tray.log.TrayLog;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/**
 * The client certificate a tray presents to a gateway that requires mutual TLS
 * ({@code --client-cert}, {@code --client-key}): a PEM chain and an unencrypted PKCS#8 key, read
 * with the same code as the gateway's {@code --tls-cert}/{@code --tls-key} ({@link Pem}).
 */
public final class ClientCertificate {
    private ClientCertificate() {
    }

    /**
     * Reads both files and warns once when the key is readable by other users.
     *
     * @throws IOException with a one-line message naming the flag and the file
     */
    public static KeyManager[] keyManagers(Path cert, Path key, TrayLog log) throws IOException {
        KeyStore ks = Pem.keyStore(cert, "--client-cert", key, "--client-key", "client");
        String open = TokenFile.openPermissions(key);
        if (open != null) {
            log.warn("client key " + key + " is readable by other users (" + open + "); run: chmod 600 " + key);
        }
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, new char[0]);
            return kmf.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new IOException("--client-cert/--client-key: cannot use them (" + e.getMessage() + ")", e);
        }
    }
}
