package dev.tether.tray.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsFileTest {
    @TempDir
    Path dir;

    @Test
    void write_thenParse_sameSettings() throws Exception {
        TraySettings s = TraySettings.builder().gateway("http://127.0.0.1:9091").gateway("https://gw.example:9091/base")
                .host("box-1").interval(Duration.ofSeconds(20)).ttl(Duration.ofMinutes(1)).discoveryDir(dir.resolve("a"))
                .discoveryDir(dir.resolve("b")).target(StaticTarget.parse("node=http://127.0.0.1:9100/metrics"))
                .target(StaticTarget.parse("http://127.0.0.1:8080/m")).deadTargetRetention(Duration.ofMinutes(30))
                .scrapeTimeout(Duration.ofSeconds(3)).proxy(ProxySetting.explicit(URI.create("http://proxy:3128")))
                .tokenFile(dir.resolve("token")).caFile(dir.resolve("ca.pem"))
                .clientCert(dir.resolve("client.pem")).clientKey(dir.resolve("client-key.pem"))
                .statusListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
        Path file = dir.resolve("conf").resolve("tray.properties");

        SettingsFile.write(s, file);
        TraySettings back = CommandLine.parse(new String[0], file).settings();

        assertThat(back).isEqualTo(s);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void write_defaults_roundTripAndOverwrite() throws Exception {
        Path file = dir.resolve("tray.properties");
        Files.writeString(file, "garbage that is replaced\n");
        TraySettings s = TraySettings.builder().gateway("http://g:1").proxy(ProxySetting.direct()).build();

        SettingsFile.write(s, file);

        assertThat(CommandLine.parse(new String[0], file).settings()).isEqualTo(s);
    }
}
