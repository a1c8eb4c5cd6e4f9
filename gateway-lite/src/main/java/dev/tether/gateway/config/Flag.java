package dev.tether.gateway.config;

import dev.tether.protocol.push.Durations;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * The gateway's flags: name, default, meaning, and how a value is applied to the config. Each flag is
 * also read from the environment ({@code TETHER_GATEWAY_<NAME>}) and from the {@code --config} file
 * (the name without dashes). A new setting is one new constant here and one field in
 * {@link GatewayConfig}.
 */
public enum Flag {
    LISTEN("listen", "127.0.0.1:9091", "address and port", (b, v) -> b.listen(ListenAddress.parse(v))),
    DATA_DIR("data-dir", "./data", "where state is persisted", (b, v) -> b.dataDir(Path.of(v))),
    DEFAULT_TTL("default-ttl", "45s", "TTL when the push names none", (b, v) -> b.defaultTtl(Durations.parse(v))),
    MIN_TTL("min-ttl", "5s", "a smaller asked TTL is raised to this", (b, v) -> b.minTtl(Durations.parse(v))),
    MAX_TTL("max-ttl", "24h", "a larger asked TTL is lowered to this", (b, v) -> b.maxTtl(Durations.parse(v))),
    EXPIRED_RETENTION("expired-retention", "1h", "how long a lapsed host keeps tether_host_up 0",
            (b, v) -> b.expiredRetention(Durations.parse(v))),
    PERSIST_INTERVAL("persist-interval", "5s", "how often state is written", (b, v) -> b.persistInterval(Durations.parse(v))),
    MAX_BODY_BYTES("max-body-bytes", "16MiB", "cap on one push, after decompression",
            (b, v) -> b.maxBodyBytes(ByteSizes.parse(v))),
    MAX_SERIES_PER_HOST("max-series-per-host", "100000", "cap on one host's series",
            (b, v) -> b.maxSeriesPerHost(parsePositiveInt(v))),
    REMOTE_WRITE_URL("remote-write-url", "", "remote-write endpoint every accepted snapshot is forwarded to (repeatable)",
            (b, v) -> b.remoteWriteUrls(RemoteWriteSettings.parseUrls(v)), true),
    REMOTE_WRITE_BEARER_TOKEN_FILE("remote-write-bearer-token-file", "",
            "file holding the bearer token sent to the remote-write endpoints (re-read when it changes)",
            (b, v) -> b.remoteWriteBearerTokenFile(RemoteWriteSettings.parseTokenFile(v))),
    REMOTE_WRITE_HEADERS("remote-write-headers", "", "extra headers for remote write: Name=value (repeatable)",
            (b, v) -> b.remoteWriteHeaders(RemoteWriteSettings.parseHeaders(v)), true);

    private final String flagName;
    private final String defaultValue;
    private final String meaning;
    private final BiConsumer<GatewayConfig.Builder, String> apply;
    private final boolean repeatable;

    Flag(String flagName, String defaultValue, String meaning, BiConsumer<GatewayConfig.Builder, String> apply) {
        this(flagName, defaultValue, meaning, apply, false);
    }

    Flag(String flagName, String defaultValue, String meaning, BiConsumer<GatewayConfig.Builder, String> apply,
         boolean repeatable) {
        this.flagName = flagName;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
        this.apply = apply;
        this.repeatable = repeatable;
    }

    /**
     * Whether the flag may be given several times; the values are then joined by line feeds (the
     * environment and the file give several values separated by commas).
     */
    public boolean repeatable() {
        return repeatable;
    }

    /** The name without dashes, as used in the config file: {@code data-dir}. */
    public String flagName() {
        return flagName;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String meaning() {
        return meaning;
    }

    /** {@code TETHER_GATEWAY_DATA_DIR} for {@code data-dir}. */
    public String envName() {
        return "TETHER_GATEWAY_" + flagName.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The flag whose name (without dashes) is {@code name}, or {@code null}. */
    public static Flag byName(String name) {
        for (Flag f : values()) {
            if (f.flagName.equals(name)) {
                return f;
            }
        }
        return null;
    }

    void apply(GatewayConfig.Builder b, String value) {
        apply.accept(b, value.trim());
    }

    private static int parsePositiveInt(String v) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("invalid number '" + v + "': expected a positive integer");
    }
}
