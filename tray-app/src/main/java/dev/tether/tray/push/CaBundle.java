package dev.tether.tray.push;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * An {@link SSLContext} that trusts the JDK's CAs and, in addition, the certificates of a PEM
 * bundle: a corporate CA, or the self-signed certificate of a private gateway. It may also present a
 * client certificate ({@link ClientCertificate}).
 */
public final class CaBundle {
    private CaBundle() {
    }

    /**
     * @throws IOException when the file cannot be read or holds no certificate
     */
    public static SSLContext sslContext(Path pemFile) throws IOException {
        return sslContext(pemFile, null);
    }

    /**
     * @param pemFile the extra CAs, or null for the JDK's alone
     * @param keys the client certificate to present, or null for none
     * @throws IOException when the file cannot be read or holds no certificate
     */
    public static SSLContext sslContext(Path pemFile, KeyManager[] keys) throws IOException {
        if (pemFile == null) {
            try {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(keys, null, null);
                return ctx;
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot set up TLS: " + e, e);
            }
        }
        try {
            Collection<? extends Certificate> certs;
            try (InputStream in = Files.newInputStream(pemFile)) {
                certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            } catch (IOException e) {
                throw new IOException("cannot read CA file " + pemFile + ": " + e, e);
            }
            if (certs.isEmpty()) {
                throw new IOException("no certificate in " + pemFile);
            }
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            X509TrustManager extra = trustManager(ks);
            X509TrustManager system = trustManager(null);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys, new TrustManager[] {new EitherTrustManager(system, extra)}, null);
            return ctx;
        } catch (CertificateException e) {
            throw new IOException("not a PEM certificate bundle: " + pemFile + " (" + e.getMessage() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use CA bundle " + pemFile + ": " + e, e);
        }
    }

    private static X509TrustManager trustManager(KeyStore ks) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager) {
                return (X509TrustManager) tm;
            }
        }
        throw new GeneralSecurityException("no X509 trust manager");
    }

    /** Trusts a chain that either manager trusts. */
    private static final class EitherTrustManager implements X509TrustManager {
        private final X509TrustManager first;
        private final X509TrustManager second;

        EitherTrustManager(X509TrustManager first, X509TrustManager second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkClientTrusted(chain, authType);
            } catch (CertificateException e) {
                second.checkClientTrusted(chain, authType);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> all = new ArrayList<>(List.of(first.getAcceptedIssuers()));
            all.addAll(List.of(second.getAcceptedIssuers()));
            return all.toArray(new X509Certificate[0]);
        }
    }
}
