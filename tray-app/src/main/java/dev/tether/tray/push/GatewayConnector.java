package dev.tether.tray.push;

import dev.tether.tray.config.ProxySetting;
import dev.tether.tray.log.TrayLog;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens connections to the gateways, with the proxy, the trust and the client certificate the
 * settings ask for.
 *
 * <p>It uses {@link HttpURLConnection} rather than {@code java.net.http.HttpClient} on purpose: the
 * latter costs some 20 MB of resident memory (its selector, its executor, an eager default TLS
 * context), a third of the headless tray's budget, for one request per gateway per interval.
 * Thread-safe and immutable.
 */
public final class GatewayConnector {
    private final ProxySelector proxies;
    private final SSLSocketFactory tls;

    private GatewayConnector(ProxySelector proxies, SSLSocketFactory tls) {
        this.proxies = proxies;
        this.tls = tls;
    }

    /**
     * @param env the environment, for {@code HTTPS_PROXY}/{@code NO_PROXY} in auto mode
     * @throws IOException when the CA file cannot be used
     */
    public static GatewayConnector create(ProxySetting proxy, Path caFile, Map<String, String> env) throws IOException {
        return create(proxy, caFile, null, null, env, null);
    }

    /**
     * Reads the CA file and the client certificate now, once: a changed file applies when the
     * settings are applied again (or at the next start).
     *
     * @param clientCert the PEM certificate chain to present, or null for none; with {@code clientKey}
     * @param clientKey its PKCS#8 PEM key, or null
     * @param env the environment, for {@code HTTPS_PROXY}/{@code NO_PROXY} in auto mode
     * @param log where a world-readable client key is warned about; may be null without a client certificate
     * @throws IOException with a one-line reason when the CA file or the client certificate cannot be used
     */
    public static GatewayConnector create(ProxySetting proxy, Path caFile, Path clientCert, Path clientKey,
            Map<String, String> env, TrayLog log) throws IOException {
        ProxySelector selector;
        switch (proxy.mode()) {
            case DIRECT:
                selector = null;
                break;
            case EXPLICIT:
                int port = proxy.proxy().getPort() > 0 ? proxy.proxy().getPort() : 80;
                selector = ProxySelector.of(InetSocketAddress.createUnresolved(proxy.proxy().getHost(), port));
                break;
            default:
                selector = new EnvProxySelector(env, ProxySelector.getDefault());
        }
        KeyManager[] keys = clientCert == null ? null : ClientCertificate.keyManagers(clientCert, clientKey, log);
        SSLSocketFactory tls = caFile == null && keys == null ? null : CaBundle.sslContext(caFile, keys).getSocketFactory();
        return new GatewayConnector(selector, tls);
    }

    /** An unconnected connection to {@code uri}, through the proxy that applies to it. */
    public HttpURLConnection open(URI uri) throws IOException {
        Proxy proxy = Proxy.NO_PROXY;
        if (proxies != null) {
            List<Proxy> list = proxies.select(uri);
            if (list != null && !list.isEmpty()) {
                proxy = list.get(0);
            }
        }
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection(proxy);
        if (tls != null && c instanceof HttpsURLConnection) {
            ((HttpsURLConnection) c).setSSLSocketFactory(tls);
        }
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        return c;
    }

    /**
     * Why the gateway refuses this client in TLS, or null when it does not (or cannot be asked): a
     * handshake on a new direct connection, then one read, which with TLS 1.3 is where a refused
     * client certificate shows up (an alert after the handshake). The read waits at most a second
     * when the gateway accepts. Through a proxy it does not ask (null).
     */
    SSLException tlsRefusal(URI gateway, int timeoutMs) {
        if (!"https".equals(gateway.getScheme()) || (proxies != null && !proxies.select(gateway).stream()
                .allMatch(p -> p.type() == Proxy.Type.DIRECT))) {
            return null;
        }
        int port = gateway.getPort() > 0 ? gateway.getPort() : 443;
        SSLSocketFactory factory = tls != null ? tls : HttpsURLConnection.getDefaultSSLSocketFactory();
        Socket raw = new Socket();
        try {
            raw.connect(new InetSocketAddress(gateway.getHost(), port), timeoutMs);
            try (SSLSocket s = (SSLSocket) factory.createSocket(raw, gateway.getHost(), port, true)) {
                s.setSoTimeout(Math.min(timeoutMs, 1000));
                s.startHandshake();
                s.getInputStream().read();
            }
        } catch (SSLException e) {
            return e;
        } catch (IOException | RuntimeException e) {
            // Accepted (the read timed out), or not a TLS matter.
        } finally {
            try {
                raw.close();
            } catch (IOException e) {
                // closed already
            }
        }
        return null;
    }
}
