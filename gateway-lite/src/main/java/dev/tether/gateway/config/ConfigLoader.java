package dev.tether.gateway.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Builds a {@link GatewayConfig} from command-line flags, the environment and an optional
 * {@code --config} properties file. Precedence: flag, then environment, then file, then default.
 * Flags are {@code --name value} or {@code --name=value}.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /**
     * @param env the environment, usually {@link System#getenv()}
     * @throws ConfigException naming the flag whose value is bad, or the unknown flag
     */
    public static GatewayConfig load(String[] args, Map<String, String> env) throws ConfigException {
        Map<Flag, String> fromFlags = new EnumMap<>(Flag.class);
        String configFile = env.get("TETHER_GATEWAY_CONFIG");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new ConfigException("unexpected argument '" + arg + "'; see --help");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Flag flag = Flag.byName(name);
            if (flag == null && !name.equals("config")) {
                throw new ConfigException("unknown flag --" + name + "; see --help");
            }
            if (value == null && flag != null && flag.isSwitch()) {
                value = "true";
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new ConfigException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            if (flag == null) {
                configFile = value;
            } else {
                fromFlags.merge(flag, value, (a, v) -> flag.repeatable() ? a + "\n" + v : v);
            }
        }
        Properties file = configFile == null ? new Properties() : readFile(configFile);
        for (String key : file.stringPropertyNames()) {
            if (Flag.byName(key) == null) {
                throw new ConfigException("--config " + configFile + ": unknown setting '" + key + "'");
            }
        }
        GatewayConfig.Builder b = GatewayConfig.builder();
        for (Flag flag : Flag.values()) {
            String value = flag.defaultValue();
            String source = "--" + flag.flagName();
            if (fromFlags.containsKey(flag)) {
                value = fromFlags.get(flag);
            } else if (env.containsKey(flag.envName())) {
                value = env.get(flag.envName());
                source = "--" + flag.flagName() + " (from " + flag.envName() + ")";
            } else if (file.containsKey(flag.flagName())) {
                value = file.getProperty(flag.flagName());
                source = "--" + flag.flagName() + " (from " + configFile + ")";
            }
            try {
                flag.apply(b, value);
            } catch (RuntimeException e) {
                throw new ConfigException(source + ": " + e.getMessage());
            }
        }
        try {
            GatewayConfig config = b.build();
            config.security().check(config.listen());
            return config;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static Properties readFile(String path) throws ConfigException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("--config " + path + ": cannot read it (" + e.getMessage() + ")");
        }
        return p;
    }

    /** The text of {@code --help}. */
    public static String help() {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: java -jar tether-gateway.jar [--flag value]...\n\n");
        sb.append("Takes host snapshots pushed with a heartbeat TTL and serves them to Prometheus.\n\n");
        for (Flag f : Flag.values()) {
            sb.append(String.format("  --%-22s %s (default %s; env %s)%n", f.flagName() + (f.isSwitch() ? "" : " <v>"),
                    f.meaning(), f.defaultValue().isEmpty() ? "none" : f.defaultValue(), f.envName()));
        }
        sb.append(String.format("  --%-22s %s%n", "config <file>",
                "properties file with the flag names without dashes, e.g. listen=127.0.0.1:9091 (env TETHER_GATEWAY_CONFIG)"));
        sb.append(String.format("  --%-22s %s%n", "help", "this text"));
        sb.append(String.format("  --%-22s %s%n", "version", "print the version"));
        sb.append("\nPrecedence: flag > environment > config file > default. Durations: 45s, 2m, 1h30m. Sizes: 16MiB.\n");
        return sb.toString();
    }
}
