package dev.tether.tray.push;

import dev.tether.tray.config.ProxySetting;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens connections to the gateways, with the proxy and the trust the settings ask for.
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
        SSLSocketFactory tls = caFile == null ? null : CaBundle.sslContext(caFile).getSocketFactory();
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
}
