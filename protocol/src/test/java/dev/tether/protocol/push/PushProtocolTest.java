package dev.tether.protocol.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PushProtocolTest {

    @Test
    void isValidHostName_rule_lettersDigitsDotDashUnderscoreUpTo128() {
        assertThat(PushProtocol.isValidHostName("web-1.example_com")).isTrue();
        assertThat(PushProtocol.isValidHostName("a".repeat(128))).isTrue();
        assertThat(PushProtocol.isValidHostName("a".repeat(129))).isFalse();
        assertThat(PushProtocol.isValidHostName("")).isFalse();
        assertThat(PushProtocol.isValidHostName(null)).isFalse();
        assertThat(PushProtocol.isValidHostName("a/b")).isFalse();
        assertThat(PushProtocol.isValidHostName("a b")).isFalse();
    }

    @Test
    void paths_forHost_underHostsPath() {
        assertThat(PushProtocol.hostPath("h1")).isEqualTo("/api/v1/hosts/h1");
        assertThat(PushProtocol.pausePath("h1")).isEqualTo("/api/v1/hosts/h1/pause");
        assertThat(PushProtocol.TTL_HEADER).isEqualTo("Tether-TTL");
    }
}
