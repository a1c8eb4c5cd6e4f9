package dev.tether.gateway.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void load_nothingGiven_documentedDefaults() throws Exception {
        GatewayConfig c = ConfigLoader.load(new String[0], Map.of());

        assertThat(c.listen()).isEqualTo(new ListenAddress("127.0.0.1", 9091));
        assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(c.defaultTtl()).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.minTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.maxTtl()).isEqualTo(Duration.ofHours(24));
        assertThat(c.expiredRetention()).isEqualTo(Duration.ofHours(1));
        assertThat(c.persistInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.maxBodyBytes()).isEqualTo(16L << 20);
        assertThat(c.maxSeriesPerHost()).isEqualTo(100_000);
    }

    @Test
    void load_flagEnvAndFile_flagBeatsEnvBeatsFile() throws Exception {
        Path file = dir.resolve("gw.properties");
        Files.writeString(file, "listen=127.0.0.1:1111\ndefault-ttl=1m\nmax-series-per-host=7\n");
        Map<String, String> env = Map.of("TETHER_GATEWAY_LISTEN", "127.0.0.1:2222", "TETHER_GATEWAY_DEFAULT_TTL", "2m");

        GatewayConfig c = ConfigLoader.load(new String[] {"--config", file.toString(), "--listen=127.0.0.1:3333"}, env);

        assertThat(c.listen().port()).isEqualTo(3333);
        assertThat(c.defaultTtl()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.maxSeriesPerHost()).isEqualTo(7);
    }

    @Test
    void load_enableAdminApi_bareSwitchOrValue() throws Exception {
        assertThat(ConfigLoader.load(new String[0], Map.of()).enableAdminApi()).isFalse();
        assertThat(ConfigLoader.load(new String[] {"--enable-admin-api"}, Map.of()).enableAdminApi()).isTrue();
        assertThat(ConfigLoader.load(new String[] {"--enable-admin-api", "--listen", "127.0.0.1:1"}, Map.of())
                .enableAdminApi()).isTrue();
        assertThat(ConfigLoader.load(new String[] {"--enable-admin-api=false"}, Map.of()).enableAdminApi()).isFalse();
        assertThat(ConfigLoader.load(new String[0], Map.of("TETHER_GATEWAY_ENABLE_ADMIN_API", "true")).enableAdminApi()).isTrue();
        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--enable-admin-api=maybe"}, Map.of()))
                .hasMessageContaining("enable-admin-api");
    }

    @Test
    void load_badDuration_messageNamesFlag() {
        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--default-ttl", "soon"}, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("--default-ttl: invalid duration 'soon'");
    }

    @Test
    void load_badEnvValue_messageNamesFlagAndVariable() {
        assertThatThrownBy(() -> ConfigLoader.load(new String[0], Map.of("TETHER_GATEWAY_MAX_BODY_BYTES", "lots")))
                .hasMessageContaining("--max-body-bytes").hasMessageContaining("TETHER_GATEWAY_MAX_BODY_BYTES");
    }

    @Test
    void load_unknownFlagOrMissingValue_refused() {
        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--nope", "1"}, Map.of())).hasMessageContaining("unknown flag --nope");
        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--listen"}, Map.of())).hasMessageContaining("--listen needs a value");
        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--listen", "nowhere"}, Map.of())).hasMessageStartingWith("--listen:");
    }

    @Test
    void load_minTtlAboveMaxTtl_refused() {
        assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--min-ttl", "2h", "--max-ttl", "1h"}, Map.of()))
                .hasMessageContaining("--min-ttl");
    }

    @Test
    void byteSizes_units_parsed() {
        assertThat(ByteSizes.parse("16MiB")).isEqualTo(16L << 20);
        assertThat(ByteSizes.parse("1KB")).isEqualTo(1000);
        assertThat(ByteSizes.parse("512")).isEqualTo(512);
        assertThatThrownBy(() -> ByteSizes.parse("1TB")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void help_listsEveryFlag() {
        String help = ConfigLoader.help();
        for (Flag f : Flag.values()) {
            assertThat(help).contains("--" + f.flagName()).contains(f.envName());
        }
        assertThat(help).contains("--config");
    }

    @Test
    void clampTtl_outOfBounds_clamped() throws Exception {
        GatewayConfig c = ConfigLoader.load(new String[0], Map.of());
        assertThat(c.clampTtl(null)).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.clampTtl(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.clampTtl(Duration.ofDays(3))).isEqualTo(Duration.ofHours(24));
    }
}
