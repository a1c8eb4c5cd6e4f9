package dev.tether.gateway.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityConfigTest {
    @Test
    void load_nonLoopbackWithoutTokens_refusedNamingInsecureNoAuth() {
        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--listen", "0.0.0.0:9091"}, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("refusing to listen on 0.0.0.0:9091 without --tokens-file")
                .hasMessageContaining("--insecure-no-auth");
        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--listen", ":9091"}, Map.of())).hasMessageContaining("--insecure-no-auth");
    }

    @Test
    void load_nonLoopbackWithTokensOrInsecureSwitch_allowed() throws Exception {
        GatewayConfig insecure = ConfigLoader.load(new String[] {"--listen", "0.0.0.0:9091", "--insecure-no-auth"}, Map.of());
        GatewayConfig fromEnv = ConfigLoader.load(new String[] {"--listen", "0.0.0.0:9091"},
                Map.of("TETHER_GATEWAY_INSECURE_NO_AUTH", "true"));
        GatewayConfig tokens = ConfigLoader.load(new String[] {"--insecure-no-auth", "--listen", "0.0.0.0:1", "--tokens-file", "t"}, Map.of());

        assertThat(insecure.security().insecureNoAuth()).isTrue();
        assertThat(fromEnv.security().insecureNoAuth()).isTrue();
        assertThat(tokens.security().tokensFile()).isEqualTo(Path.of("t"));
        assertThat(tokens.listen().port()).isEqualTo(1);
    }

    @Test
    void load_loopbackWithoutTokens_allowed_defaults() throws Exception {
        SecurityConfig s = ConfigLoader.load(new String[] {"--listen", "[::1]:0"}, Map.of()).security();

        assertThat(s.tokensFile()).isNull();
        assertThat(s.tls()).isFalse();
        assertThat(s.maxPushRate()).isEqualTo(1.0);
        assertThat(s.pushBurst()).isEqualTo(10);
        assertThat(s.maxHeaderBytes()).isEqualTo(16 * 1024);
        assertThat(ConfigLoader.load(new String[] {"--listen", "localhost:0"}, Map.of())).isNotNull();
    }

    @Test
    void load_tlsFlagsThatDoNotGoTogether_refused() {
        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--tls-cert", "c.pem"}, Map.of()))
                .hasMessageContaining("--tls-cert and --tls-key go together");
        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--tls-client-ca", "ca.pem"}, Map.of()))
                .hasMessageContaining("--tls-client-ca needs TLS");
        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--tls-cert", "c", "--tls-key", "k", "--tls-keystore", "s"}, Map.of()))
                .hasMessageContaining("not both");
    }

    @Test
    void load_keystorePasswordFromEnv_neverInToString() throws Exception {
        SecurityConfig s = ConfigLoader.load(new String[] {"--tls-keystore", "s.p12"},
                Map.of("TETHER_GATEWAY_TLS_KEYSTORE_PASSWORD", "hunter2")).security();

        assertThat(s.tlsKeystorePassword()).isEqualTo("hunter2");
        assertThat(s.toString()).doesNotContain("hunter2");
    }

    @Test
    void parseRate_forms() {
        assertThat(SecurityConfig.parseRate("1/s")).isEqualTo(1.0);
        assertThat(SecurityConfig.parseRate("30/m")).isEqualTo(0.5);
        assertThat(SecurityConfig.parseRate("7200/h")).isEqualTo(2.0);
        assertThat(SecurityConfig.parseRate("2.5")).isEqualTo(2.5);
        assertThat(SecurityConfig.parseRate("off")).isZero();
        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--max-push-rate", "fast"}, Map.of()))
                .hasMessageStartingWith("--max-push-rate: invalid rate 'fast'");
        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--insecure-no-auth=maybe"}, Map.of()))
                .hasMessageStartingWith("--insecure-no-auth: invalid value 'maybe'");
    }
}
