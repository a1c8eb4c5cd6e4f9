package dev.tether.tray.ui.settings;

import dev.tether.tray.config.TraySettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsViewModelTest {
    @TempDir
    Path dir;

    private final List<TraySettings> applied = new ArrayList<>();
    private Path file;
    private Autostart autostart;
    private SettingsViewModel vm;

    @BeforeEach
    void setUp() {
        file = dir.resolve("tether/tray.properties");
        autostart = new Autostart(dir.resolve("autostart"));
        TraySettings start = TraySettings.builder().gateway("http://127.0.0.1:9091").host("box")
                .interval(Duration.ofSeconds(15)).discoveryDir(dir.resolve("agents")).build();
        vm = new SettingsViewModel(start, applied::add, file, dir.resolve("tether/token"), autostart);
    }

    @Test
    void load_fillsTheFields() {
        assertThat(vm.gateways.get()).isEqualTo("http://127.0.0.1:9091");
        assertThat(vm.host.get()).isEqualTo("box");
        assertThat(vm.interval.get()).isEqualTo("15s");
        assertThat(vm.ttl.get()).isEmpty();
        assertThat(vm.proxy.get()).isEqualTo("auto");
        assertThat(vm.startAtLogin.get()).isTrue();
    }

    @Test
    void save_badUrl_messageBesideTheFieldAndNothingSaved() {
        vm.gateways.set("ftp://gateway.example");
        assertThat(vm.save()).isFalse();
        assertThat(vm.gatewaysError.get()).contains("invalid gateway URL 'ftp://gateway.example'");
        assertThat(vm.result.get()).startsWith("Not saved");
        assertThat(applied).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void save_badFields_eachGetsItsOwnMessage() {
        vm.gateways.set("");
        vm.host.set("bad host!");
        vm.interval.set("fast");
        vm.ttl.set("5s");
        vm.targets.set("node=ftp://x");
        vm.proxy.set("socks://proxy");
        vm.discoveryDirs.set("relative/dir");
        vm.token.set("two words");
        assertThat(vm.save()).isFalse();
        assertThat(vm.gatewaysError.get()).startsWith("at least one gateway URL");
        assertThat(vm.hostError.get()).startsWith("invalid host name 'bad host!'");
        assertThat(vm.intervalError.get()).startsWith("not a duration");
        assertThat(vm.targetsError.get()).contains("must be an http:// URL");
        assertThat(vm.proxyError.get()).startsWith("invalid proxy");
        assertThat(vm.discoveryDirsError.get()).contains("not an absolute path");
        assertThat(vm.tokenError.get()).isEqualTo("a token has no spaces");
        assertThat(applied).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void save_ttlShorterThanInterval_refused() {
        vm.interval.set("30s");
        vm.ttl.set("10s");
        assertThat(vm.save()).isFalse();
        assertThat(vm.ttlError.get()).isEqualTo("must not be shorter than the interval (30s)");
        assertThat(applied).isEmpty();
    }

    @Test
    void save_goodFields_appliedAndWritten() throws Exception {
        vm.gateways.set("https://gw1.example:9091\nhttps://gw2.example:9091/");
        vm.interval.set("5s");
        vm.targets.set("node=http://127.0.0.1:9100/metrics");
        vm.proxy.set("none");
        assertThat(vm.save()).isTrue();
        assertThat(vm.result.get()).startsWith("Saved to ");
        assertThat(applied).hasSize(1);
        TraySettings s = applied.get(0);
        assertThat(s.gateways()).containsExactly(URI.create("https://gw1.example:9091"), URI.create("https://gw2.example:9091"));
        assertThat(s.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.ttl()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.scrapeTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.targets()).hasSize(1);
        String saved = Files.readString(file);
        assertThat(saved).contains("https://gw1.example:9091").contains("interval=5s");
        assertThat(vm.current()).isEqualTo(s);
    }

    @Test
    void save_token_writtenReadableOnlyByTheUser() throws Exception {
        vm.token.set("s3cret-token");
        assertThat(vm.save()).isTrue();
        Path token = dir.resolve("tether/token");
        assertThat(applied.get(0).tokenFile()).isEqualTo(token);
        assertThat(Files.readString(token)).isEqualTo("s3cret-token\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");
        assertThat(vm.token.get()).isEmpty();
        assertThat(Files.readString(file)).doesNotContain("s3cret");
    }

    @Test
    void save_startAtLoginOff_hidesTheSystemEntryAndOnRemovesTheOverride() throws Exception {
        vm.startAtLogin.set(false);
        assertThat(vm.save()).isTrue();
        Path userFile = dir.resolve("autostart/tether-tray.desktop");
        assertThat(Files.readString(userFile)).contains("Hidden=true");
        assertThat(autostart.enabled()).isFalse();
        vm.startAtLogin.set(true);
        assertThat(vm.save()).isTrue();
        assertThat(userFile).doesNotExist();
        assertThat(autostart.enabled()).isTrue();
    }

    @Test
    void save_applyFails_reportedAndFileNotWritten() {
        SettingsViewModel failing = new SettingsViewModel(vm.current(), s -> {
            throw new java.io.IOException("cannot read CA file");
        }, file, dir.resolve("token"), autostart);
        assertThat(failing.save()).isFalse();
        assertThat(failing.result.get()).isEqualTo("Not saved: cannot read CA file");
        assertThat(file).doesNotExist();
    }
}
