package dev.tether.tray.config;

import dev.tether.protocol.push.Durations;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The parsed command line: the mode flags and the settings, merged from the settings file and the
 * flags. A flag wins over the file; a repeatable flag ({@code --gateway}, {@code --target},
 * {@code --discovery-dir}) given at least once replaces the file's list. In the file, the same names
 * without {@code --} are the keys, and list values are comma-separated.
 */
public final class CommandLine {
    /** Options that take a value; the first three may repeat. */
    static final Set<String> LIST_OPTIONS = Set.of("gateway", "target", "discovery-dir");
    static final Set<String> VALUE_OPTIONS = Set.of("gateway", "target", "discovery-dir", "token-file", "host",
            "interval", "ttl", "status-listen", "dead-target-retention", "scrape-timeout", "proxy", "ca-file",
            "client-cert", "client-key");

    public static final String USAGE = String.join("\n",
            "usage: java -jar tether-tray.jar [--headless] --gateway URL [--gateway URL2] [options]",
            "  --gateway URL                 gateway base URL (repeat for HA fan-out)",
            "  --token-file FILE             bearer token for the gateway, read from FILE",
            "  --host NAME                   host name to push as (default: this machine's)",
            "  --interval 15s                scrape-and-push interval",
            "  --ttl 45s                     TTL asked of the gateway (default 3 x interval)",
            "  --discovery-dir DIR           agent discovery dir (repeatable; default ~/.tether/agents)",
            "  --target [job=]URL            static target, e.g. node=http://127.0.0.1:9100/metrics (repeatable)",
            "  --status-listen 127.0.0.1:0   serve GET /status, POST /pause, POST /resume on loopback",
            "  --dead-target-retention 1h    how long a crashed agent reports tether_target_up 0",
            "  --scrape-timeout 10s          timeout of one scrape (default: min(10s, interval))",
            "  --proxy auto|none|URL         proxy for pushes (default auto: HTTPS_PROXY/NO_PROXY, then system)",
            "  --ca-file FILE                extra trusted CA certificates (PEM) for https gateways",
            "  --client-cert FILE            client certificate chain (PEM) for gateways that require mutual TLS",
            "  --client-key FILE             its unencrypted PKCS#8 PEM key, RSA or EC (with --client-cert)",
            "  --config FILE                 settings file (default ~/.config/tether/tray.properties)",
            "  --version, --help");

    private final boolean headless;
    private final boolean help;
    private final boolean version;
    private final TraySettings settings;
    private final Path configFile;

    private CommandLine(boolean headless, boolean help, boolean version, TraySettings settings, Path configFile) {
        this.headless = headless;
        this.help = help;
        this.version = version;
        this.settings = settings;
        this.configFile = configFile;
    }

    public boolean headless() {
        return headless;
    }

    public boolean help() {
        return help;
    }

    public boolean version() {
        return version;
    }

    /** The merged settings; null when only {@code --help} or {@code --version} was asked. */
    public TraySettings settings() {
        return settings;
    }

    /** The settings file that was read, or null when there was none. */
    public Path configFile() {
        return configFile;
    }

    /** Parses {@code args}, reading the default settings file if it exists. */
    public static CommandLine parse(String[] args) throws UsageException {
        return parse(args, ConfigFiles.defaultFile());
    }

    /**
     * Parses {@code args}; {@code defaultConfig} is read when present and {@code --config} is absent.
     *
     * @throws UsageException on an unknown flag, a missing or bad value, an unreadable {@code --config}
     */
    public static CommandLine parse(String[] args, Path defaultConfig) throws UsageException {
        boolean headless = false;
        boolean help = false;
        boolean version = false;
        Path config = null;
        Map<String, List<String>> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new UsageException("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            switch (name) {
                case "headless":
                case "help":
                case "version":
                    if (value != null) {
                        throw new UsageException("--" + name + " takes no value");
                    }
                    headless |= name.equals("headless");
                    help |= name.equals("help");
                    version |= name.equals("version");
                    continue;
                default:
                    break;
            }
            if (!name.equals("config") && !VALUE_OPTIONS.contains(name)) {
                throw new UsageException("unknown flag --" + name);
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            if (name.equals("config")) {
                config = Path.of(value);
                continue;
            }
            if (!LIST_OPTIONS.contains(name) && flags.containsKey(name)) {
                throw new UsageException("--" + name + " given twice");
            }
            flags.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        if (help || version) {
            return new CommandLine(headless, help, version, null, null);
        }
        Map<String, List<String>> merged = new LinkedHashMap<>();
        Path readFrom = null;
        if (config != null) {
            if (!Files.isReadable(config)) {
                throw new UsageException("cannot read --config " + config);
            }
            merged.putAll(readFile(config));
            readFrom = config;
        } else if (defaultConfig != null && Files.isRegularFile(defaultConfig)) {
            merged.putAll(readFile(defaultConfig));
            readFrom = defaultConfig;
        }
        merged.putAll(flags);
        return new CommandLine(headless, false, false, toSettings(merged), readFrom);
    }

    private static Map<String, List<String>> readFile(Path file) throws UsageException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("cannot read settings file " + file + ": " + e.getMessage());
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!VALUE_OPTIONS.contains(key)) {
                throw new UsageException("unknown key '" + key + "' in " + file);
            }
            String v = p.getProperty(key).trim();
            List<String> values = new ArrayList<>();
            if (LIST_OPTIONS.contains(key)) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        values.add(part.trim());
                    }
                }
            } else {
                values.add(v);
            }
            out.put(key, values);
        }
        return out;
    }

    private static TraySettings toSettings(Map<String, List<String>> o) throws UsageException {
        TraySettings.Builder b = TraySettings.builder();
        String current = null;
        try {
            for (Map.Entry<String, List<String>> e : o.entrySet()) {
                current = e.getKey();
                // An empty list (`target=` in the file) is fine; an empty single value fails its own check.
                String v = e.getValue().isEmpty() ? "" : e.getValue().get(e.getValue().size() - 1);
                switch (current) {
                    case "gateway":
                        for (String g : e.getValue()) {
                            b.gateway(g);
                        }
                        break;
                    case "target":
                        for (String t : e.getValue()) {
                            b.target(StaticTarget.parse(t));
                        }
                        break;
                    case "discovery-dir":
                        List<Path> dirs = new ArrayList<>();
                        for (String d : e.getValue()) {
                            dirs.add(Path.of(d));
                        }
                        b.discoveryDirs(dirs);
                        break;
                    case "token-file":
                        b.tokenFile(Path.of(v));
                        break;
                    case "host":
                        b.host(v);
                        break;
                    case "interval":
                        b.interval(positive(v));
                        break;
                    case "ttl":
                        b.ttl(positive(v));
                        break;
                    case "status-listen":
                        b.statusListen(address(v));
                        break;
                    case "dead-target-retention":
                        b.deadTargetRetention(Durations.parse(v));
                        break;
                    case "scrape-timeout":
                        b.scrapeTimeout(positive(v));
                        break;
                    case "proxy":
                        b.proxy(ProxySetting.parse(v));
                        break;
                    case "ca-file":
                        b.caFile(Path.of(v));
                        break;
                    case "client-cert":
                        b.clientCert(Path.of(v));
                        break;
                    case "client-key":
                        b.clientKey(Path.of(v));
                        break;
                    default:
                        throw new IllegalStateException(current);
                }
            }
            current = null;
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(current != null ? "--" + current + ": " + e.getMessage() : e.getMessage());
        }
    }

    private static Duration positive(String v) {
        Duration d = Durations.parse(v);
        if (d.isZero()) {
            throw new IllegalArgumentException("must be above 0");
        }
        return d;
    }

    /** {@code host:port}, {@code [v6]:port}; the host must be loopback. */
    static InetSocketAddress address(String v) {
        int colon = v.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected host:port such as 127.0.0.1:0, got '" + v + "'");
        }
        String host = v.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(v.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in '" + v + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range in '" + v + "'");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + host + "'");
        }
    }

}
