package dev.tether.gateway.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The --remote-write-* flags: repeatable, from the environment as lists, and refused when wrong. */
class RemoteWriteFlagsTest {
    @TempDir
    Path dir;

    @Test
    void load_nothingGiven_noRemoteWrite() throws Exception {
        GatewayConfig c = ConfigLoader.load(new String[0], Map.of());

        assertThat(c.remoteWriteUrls()).isEmpty();
        assertThat(c.remoteWriteBearerTokenFile()).isNull();
        assertThat(c.remoteWriteHeaders()).isEmpty();
    }

    @Test
    void load_urlFlagTwiceAndHeaders_allKept() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "t\n");

        GatewayConfig c = ConfigLoader.load(new String[] {
                "--remote-write-url", "http://mimir:9009/api/v1/push",
                "--remote-write-url=https://vm:8428/api/v1/write",
                "--remote-write-bearer-token-file", token.toString(),
                "--remote-write-headers", "X-Scope-OrgID=team-a",
                "--remote-write-headers", "X-Extra = 1"}, Map.of());

        assertThat(c.remoteWriteUrls()).containsExactly(URI.create("http://mimir:9009/api/v1/push"),
                URI.create("https://vm:8428/api/v1/write"));
        assertThat(c.remoteWriteBearerTokenFile()).isEqualTo(token);
        assertThat(c.remoteWriteHeaders()).isEqualTo(Map.of("X-Scope-OrgID", "team-a", "X-Extra", "1"));
    }

    @Test
    void load_envList_commaSeparated() throws Exception {
        GatewayConfig c = ConfigLoader.load(new String[0],
                Map.of("TETHER_GATEWAY_REMOTE_WRITE_URL", "http://a:9090/api/v1/write, http://b:9090/api/v1/write"));

        assertThat(c.remoteWriteUrls()).hasSize(2);
    }

    @Test
    void load_badValues_oneLineNamingTheFlag() {
        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--remote-write-url", "ftp://x/y"}, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("--remote-write-url: invalid URL 'ftp://x/y'");
        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--remote-write-headers", "NoValue"}, Map.of()))
                .hasMessageContaining("--remote-write-headers: invalid header 'NoValue'");
        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--remote-write-headers", "Authorization=Bearer x"}, Map.of()))
                .hasMessageContaining("use --remote-write-bearer-token-file");
        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--remote-write-bearer-token-file",
                dir.resolve("missing").toString()}, Map.of()))
                .hasMessageContaining("--remote-write-bearer-token-file: cannot read the token file");
    }

    @Test
    void load_nonRepeatableFlagTwice_lastWins() throws Exception {
        GatewayConfig c = ConfigLoader.load(new String[] {"--max-series-per-host", "5", "--max-series-per-host", "6"}, Map.of());

        assertThat(c.maxSeriesPerHost()).isEqualTo(6);
        assertThat(List.of(Flag.values())).filteredOn(Flag::repeatable)
                .containsExactly(Flag.REMOTE_WRITE_URL, Flag.REMOTE_WRITE_HEADERS);
    }
}
