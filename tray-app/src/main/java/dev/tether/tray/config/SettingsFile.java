package dev.tether.tray.config;

import dev.tether.protocol.push.Durations;

import java.io.IOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes settings as the properties file that {@link CommandLine} reads, so that a settings dialog
 * can save what it applied. Every value is written out, defaults included, so that the file says
 * what runs. The file is replaced atomically: a crash mid-write never leaves half a file.
 */
public final class SettingsFile {
    private SettingsFile() {
    }

    public static void write(TraySettings s, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# tether-tray settings; keys are the flags without the dashes, lists are comma-separated");
        lines.add("gateway=" + s.gateways().stream().map(URI::toString).collect(Collectors.joining(",")));
        lines.add("host=" + s.host());
        lines.add("interval=" + Durations.format(s.interval()));
        lines.add("ttl=" + Durations.format(s.ttl()));
        lines.add("discovery-dir=" + s.discoveryDirs().stream().map(Path::toString).collect(Collectors.joining(",")));
        lines.add("target=" + s.targets().stream().map(StaticTarget::toString).collect(Collectors.joining(",")));
        lines.add("dead-target-retention=" + Durations.format(s.deadTargetRetention()));
        lines.add("scrape-timeout=" + Durations.format(s.scrapeTimeout()));
        lines.add("proxy=" + s.proxy());
        if (s.tokenFile() != null) {
            lines.add("token-file=" + s.tokenFile());
        }
        if (s.caFile() != null) {
            lines.add("ca-file=" + s.caFile());
        }
        if (s.clientCert() != null) {
            lines.add("client-cert=" + s.clientCert());
            lines.add("client-key=" + s.clientKey());
        }
        if (s.statusListen() != null) {
            lines.add("status-listen=" + address(s.statusListen()));
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".tray", ".properties.tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (String line : lines) {
                    w.write(escape(line));
                    w.write('\n');
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String address(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** Properties escapes for the value part: backslashes (Windows paths) and leading spaces. */
    private static String escape(String line) {
        if (line.startsWith("#")) {
            return line;
        }
        int eq = line.indexOf('=');
        return line.substring(0, eq + 1) + line.substring(eq + 1).replace("\\", "\\\\");
    }
}
