package dev.tether.tray.push;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EnvProxySelectorTest {
    @Test
    void select_httpsProxySet_usedForHttpsUnlessNoProxyMatches() {
        EnvProxySelector sel = new EnvProxySelector(
                Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "NO_PROXY", "localhost,.internal, gw.lan:9091"), null);

        List<Proxy> p = sel.select(URI.create("https://gw.example:9091/api"));
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.type()).isEqualTo(Proxy.Type.HTTP);
            assertThat(((InetSocketAddress) x.address()).getHostString()).isEqualTo("proxy.corp");
            assertThat(((InetSocketAddress) x.address()).getPort()).isEqualTo(3128);
        });
        assertThat(sel.select(URI.create("https://a.internal/"))).containsExactly(Proxy.NO_PROXY);
        assertThat(sel.select(URI.create("https://internal/"))).containsExactly(Proxy.NO_PROXY);
        assertThat(sel.select(URI.create("https://gw.lan:9091/"))).containsExactly(Proxy.NO_PROXY);
        assertThat(sel.select(URI.create("https://gw.lan:443/")).get(0).type()).isEqualTo(Proxy.Type.HTTP);
        // HTTPS_PROXY is not for plain http.
        assertThat(sel.select(URI.create("http://gw.example:9091/"))).containsExactly(Proxy.NO_PROXY);
    }

    @Test
    void select_lowerCaseWinsAndStarBypassesAll() {
        EnvProxySelector sel = new EnvProxySelector(Map.of("http_proxy", "lower:1", "HTTP_PROXY", "upper:2"), null);
        assertThat(((InetSocketAddress) sel.select(URI.create("http://x/")).get(0).address()).getHostString()).isEqualTo("lower");
        EnvProxySelector all = new EnvProxySelector(Map.of("http_proxy", "p:1", "no_proxy", "*"), null);
        assertThat(all.select(URI.create("http://x/"))).containsExactly(Proxy.NO_PROXY);
    }
}
