package dev.tether.gateway.tls;

import dev.tether.gateway.config.ConfigException;
import dev.tether.gateway.config.ListenAddress;
import dev.tether.gateway.config.SecurityConfig;
import dev.tether.protocol.tls.Pem;
import dev.tether.protocol.tls.PemException;
import io.undertow.Undertow;
import org.xnio.Options;
import org.xnio.Sequence;
import org.xnio.SslClientAuthMode;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;

/**
 * HTTPS for the gateway: the server's {@link SSLContext} from PEM files or a PKCS12 keystore, only
 * TLS 1.3 and 1.2, and client certificates required when a client CA is given. Every file problem is
 * a {@link ConfigException} naming the flag and the file, found before the server binds.
 */
public final class TlsSetup {
    /** The protocols offered; older ones are never negotiated. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final SSLContext context;
    private final boolean clientAuth;

    private TlsSetup(SSLContext context, boolean clientAuth) {
        this.context = context;
        this.clientAuth = clientAuth;
    }

    public static TlsSetup load(SecurityConfig s) throws ConfigException {
        char[] pw = new char[0];
        KeyStore keys;
        if (s.tlsKeystore() != null) {
            pw = s.tlsKeystorePassword() == null ? pw : s.tlsKeystorePassword().toCharArray();
            keys = keystore(s, pw);
        } else {
            try {
                keys = Pem.keyStore(s.tlsCert(), "--tls-cert", s.tlsKey(), "--tls-key", "server");
            } catch (PemException e) {
                throw new ConfigException(e.getMessage() + (e.notPkcs8() ? ", or use --tls-keystore" : ""));
            }
        }
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, pw);
            TrustManagerFactory tmf = null;
            if (s.tlsClientCa() != null) {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                int i = 0;
                for (X509Certificate ca : Pem.certificates(s.tlsClientCa(), "--tls-client-ca")) {
                    trust.setCertificateEntry("ca-" + i++, ca);
                }
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return new TlsSetup(ctx, s.tlsClientCa() != null);
        } catch (PemException e) {
            throw new ConfigException(e.getMessage());
        } catch (UnrecoverableKeyException e) {
            throw new ConfigException("--tls-keystore " + s.tlsKeystore() + ": the key cannot be read with --tls-keystore-password");
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigException("TLS set-up failed: " + e.getMessage());
        }
    }

    private static KeyStore keystore(SecurityConfig s, char[] pw) throws ConfigException {
        String where = "--tls-keystore " + s.tlsKeystore();
        try (InputStream in = Files.newInputStream(s.tlsKeystore())) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, pw);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    return ks;
                }
            }
            throw new ConfigException(where + ": holds no private key with a certificate");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException(where + ": no such file");
        } catch (IOException e) {
            // PKCS12 reports a wrong password as an IOException caused by UnrecoverableKeyException.
            throw new ConfigException(where + ": cannot open it as PKCS12 (" + e.getMessage()
                    + "; is --tls-keystore-password right?)");
        } catch (GeneralSecurityException e) {
            throw new ConfigException(where + ": cannot open it (" + e.getMessage() + ")");
        }
    }

    public SSLContext context() {
        return context;
    }

    /** Binds HTTPS on the address, with the protocol list and client-certificate mode. */
    public void bind(Undertow.Builder b, ListenAddress a) {
        b.addHttpsListener(a.port(), a.host(), context);
        b.setSocketOption(Options.SSL_ENABLED_PROTOCOLS, Sequence.of(PROTOCOLS));
        if (clientAuth) {
            b.setSocketOption(Options.SSL_CLIENT_AUTH_MODE, SslClientAuthMode.REQUIRED);
        }
    }
}
