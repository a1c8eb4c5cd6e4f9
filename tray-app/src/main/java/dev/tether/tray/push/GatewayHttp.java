package dev.tether.tray.push;

import dev.tether.tray.config.ProxySetting;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Builds the {@link HttpClient} that pushes go through: proxy and trust from the settings. */
public final class GatewayHttp {
    private GatewayHttp() {
    }

    /**
     * @param env the environment, for {@code HTTPS_PROXY}/{@code NO_PROXY} in auto mode
     * @throws IOException when the CA file cannot be used
     */
    public static HttpClient client(ProxySetting proxy, Path caFile, Map<String, String> env) throws IOException {
        HttpClient.Builder b = HttpClient.newBuilder()
                // HTTP/1.1 keeps proxies and simple gateways happy; a push is one request per interval.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER);
        switch (proxy.mode()) {
            case DIRECT:
                b.proxy(HttpClient.Builder.NO_PROXY);
                break;
            case EXPLICIT:
                int port = proxy.proxy().getPort() > 0 ? proxy.proxy().getPort() : 80;
                b.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(proxy.proxy().getHost(), port)));
                break;
            default:
                b.proxy(new EnvProxySelector(env, ProxySelector.getDefault()));
        }
        if (caFile != null) {
            b.sslContext(CaBundle.sslContext(caFile));
        }
        return b.build();
    }
}
