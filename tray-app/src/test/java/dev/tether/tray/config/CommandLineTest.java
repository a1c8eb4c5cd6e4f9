package dev.tether.tray.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {
    @TempDir
    Path dir;

    private CommandLine parse(String... args) throws UsageException {
        return CommandLine.parse(args, dir.resolve("absent.properties"));
    }

    @Test
    void parse_allFlags_settingsFollowThem() throws Exception {
        CommandLine cl = parse("--headless", "--gateway", "http://127.0.0.1:9091/", "--gateway=https://second.example:9091",
                "--token-file", "/tmp/t", "--host", "box-1", "--interval", "5s", "--ttl", "20s",
                "--discovery-dir", "/a", "--discovery-dir", "/b", "--target", "node=http://127.0.0.1:9100/metrics",
                "--target", "http://127.0.0.1:7777/metrics", "--status-listen", "127.0.0.1:0",
                "--dead-target-retention", "10m", "--scrape-timeout", "2s", "--proxy", "http://proxy:3128", "--ca-file", "/ca.pem");
        TraySettings s = cl.settings();
        assertThat(cl.headless()).isTrue();
        assertThat(s.gateways()).containsExactly(URI.create("http://127.0.0.1:9091"), URI.create("https://second.example:9091"));
        assertThat(s.tokenFile()).isEqualTo(Path.of("/tmp/t"));
        assertThat(s.host()).isEqualTo("box-1");
        assertThat(s.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.ttl()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.discoveryDirs()).containsExactly(Path.of("/a"), Path.of("/b"));
        assertThat(s.targets()).extracting(StaticTarget::job).containsExactly("node", "static-7777");
        assertThat(s.targets()).extracting(StaticTarget::instance).containsExactly("127.0.0.1:9100", "127.0.0.1:7777");
        assertThat(s.statusListen().getPort()).isZero();
        assertThat(s.deadTargetRetention()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.scrapeTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.proxy().proxy()).isEqualTo(URI.create("http://proxy:3128"));
        assertThat(s.caFile()).isEqualTo(Path.of("/ca.pem"));
    }

    @Test
    void parse_clientCertAndKey_flagOrFileBothKept() throws Exception {
        TraySettings s = parse("--gateway", "https://g:1", "--client-cert", "/c.pem", "--client-key=/k.pem").settings();
        Path file = Files.writeString(dir.resolve("tray.properties"), "gateway=https://g:1\nclient-cert=/c.pem\nclient-key=/k.pem\n");

        assertThat(s.clientCert()).isEqualTo(Path.of("/c.pem"));
        assertThat(s.clientKey()).isEqualTo(Path.of("/k.pem"));
        assertThat(CommandLine.parse(new String[0], file).settings()).isEqualTo(s);
        assertThat(CommandLine.USAGE).contains("--client-cert FILE").contains("--client-key FILE");
    }

    @Test
    void parse_clientKeyWithoutCert_oneLineUsageError() {
        assertThatThrownBy(() -> parse("--gateway", "https://g:1", "--client-key", "/k.pem")).isInstanceOf(UsageException.class)
                .hasMessage("--client-key /k.pem is given without --client-cert; give both or neither");
        assertThatThrownBy(() -> parse("--gateway", "https://g:1", "--client-cert", "/c.pem")).isInstanceOf(UsageException.class)
                .hasMessage("--client-cert /c.pem is given without --client-key; give both or neither");
    }

    @Test
    void parse_noTtl_ttlIsThreeIntervals() throws Exception {
        TraySettings s = parse("--gateway", "http://g:1", "--interval", "2s").settings();
        assertThat(s.ttl()).isEqualTo(Duration.ofSeconds(6));
        assertThat(s.scrapeTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.discoveryDirs()).containsExactly(TraySettings.defaultDiscoveryDir());
        assertThat(s.host()).matches("[A-Za-z0-9._-]{1,128}");
    }

    @Test
    void parse_badInput_usageErrorNamesTheProblem() {
        assertThatThrownBy(() -> parse("--gateway", "http://g:1", "--bogus")).isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown flag --bogus");
        assertThatThrownBy(() -> parse("--gateway")).hasMessageContaining("--gateway needs a value");
        assertThatThrownBy(() -> parse("--gateway", "ftp://g")).hasMessageContaining("invalid gateway URL");
        assertThatThrownBy(() -> parse("--gateway", "http://g:1", "--interval", "soon")).hasMessageContaining("--interval")
                .hasMessageContaining("invalid duration");
        assertThatThrownBy(() -> parse("--gateway", "http://g:1", "--interval", "10s", "--ttl", "5s"))
                .hasMessageContaining("shorter than the interval");
        assertThatThrownBy(() -> parse("--gateway", "http://g:1", "--status-listen", "0.0.0.0:8080"))
                .hasMessageContaining("not a loopback address");
        assertThatThrownBy(() -> parse("--gateway", "http://g:1", "--host", "bad host"))
                .hasMessageContaining("invalid host name");
        assertThatThrownBy(() -> parse("--gateway", "http://g:1", "--target", "file:///etc/passwd"))
                .hasMessageContaining("must be an http:// URL");
        assertThatThrownBy(() -> parse("--gateway", "http://g:1", "--host", "a", "--host", "b"))
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> parse("stray")).hasMessageContaining("unexpected argument");
        assertThatThrownBy(() -> parse("--config", dir.resolve("nope").toString())).hasMessageContaining("cannot read --config");
    }

    @Test
    void parse_configFile_flagsWinAndListsReplace() throws Exception {
        Path f = dir.resolve("tray.properties");
        Files.writeString(f, "gateway=http://a:1, http://b:2\ninterval=30s\nhost=from-file\ntarget=node=http://127.0.0.1:9100/metrics\n");
        TraySettings s = CommandLine.parse(new String[] {"--host", "from-flag"}, f).settings();
        assertThat(s.gateways()).containsExactly(URI.create("http://a:1"), URI.create("http://b:2"));
        assertThat(s.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.host()).isEqualTo("from-flag");
        assertThat(s.targets()).hasSize(1);

        TraySettings s2 = CommandLine.parse(new String[] {"--config", f.toString(), "--gateway", "http://c:3"}, null).settings();
        assertThat(s2.gateways()).containsExactly(URI.create("http://c:3"));
    }

    @Test
    void parse_configFileWithUnknownKey_usageError() throws Exception {
        Path f = dir.resolve("tray.properties");
        Files.writeString(f, "gatway=http://a:1\n");
        assertThatThrownBy(() -> CommandLine.parse(new String[0], f)).isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown key 'gatway'");
    }

    @Test
    void defaultFile_xdgConfigHome_isRespected() {
        assertThat(ConfigFiles.defaultFile(Map.of("XDG_CONFIG_HOME", "/x"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/x/tether/tray.properties"));
        assertThat(ConfigFiles.defaultFile(Map.of("XDG_CONFIG_HOME", "relative"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u/.config/tether/tray.properties"));
        assertThat(ConfigFiles.defaultFile(Map.of(), "Linux", "/home/u")).isEqualTo(Path.of("/home/u/.config/tether/tray.properties"));
    }

    @Test
    void staticTarget_withoutJob_jobFromWellKnownPortOrPort() {
        assertThat(StaticTarget.parse("http://127.0.0.1:9100/metrics").job()).isEqualTo("node");
        assertThat(StaticTarget.parse("http://localhost:8080/metrics").job()).isEqualTo("static-8080");
        assertThat(StaticTarget.parse("http://localhost/metrics").instance()).isEqualTo("localhost:80");
        assertThat(StaticTarget.parse("app=http://127.0.0.1:8080/m?x=a=b").job()).isEqualTo("app");
        assertThat(List.of(StaticTarget.parse("http://127.0.0.1:8080/m?x=a=b").job())).containsExactly("static-8080");
    }

    @Test
    void proxySetting_parse_acceptsModesAndUrls() {
        assertThat(ProxySetting.parse("auto").mode()).isEqualTo(ProxySetting.Mode.AUTO);
        assertThat(ProxySetting.parse("none").mode()).isEqualTo(ProxySetting.Mode.DIRECT);
        assertThat(ProxySetting.parse("proxy.corp:3128").proxy()).isEqualTo(URI.create("http://proxy.corp:3128"));
        assertThatThrownBy(() -> ProxySetting.parse("socks5://x:1")).hasMessageContaining("invalid proxy");
    }
}
