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
    // Security (issue 4). An empty default means "not set".
    TOKENS_FILE("tokens-file", "", "push tokens: lines 'sha256:<hex> host-glob,...'; re-read when it changes",
            (b, v) -> b.security(s -> s.tokensFile(path(v)))),
    SCRAPE_TOKEN_FILE("scrape-token-file", "", "tokens (same format) that GET /metrics, /api/v1/hosts and / then need",
            (b, v) -> b.security(s -> s.scrapeTokenFile(path(v)))),
    INSECURE_NO_AUTH("insecure-no-auth", "false", "allow a non-loopback --listen without --tokens-file (anyone may push)",
            (b, v) -> b.security(s -> s.insecureNoAuth(parseBoolean(v)))),
    TLS_CERT("tls-cert", "", "PEM certificate chain, server certificate first (HTTPS)",
            (b, v) -> b.security(s -> s.tlsCert(path(v)))),
    TLS_KEY("tls-key", "", "PEM private key, unencrypted PKCS#8 (BEGIN PRIVATE KEY), RSA or EC",
            (b, v) -> b.security(s -> s.tlsKey(path(v)))),
    TLS_KEYSTORE("tls-keystore", "", "PKCS12 keystore with the key and its chain, instead of --tls-cert/--tls-key",
            (b, v) -> b.security(s -> s.tlsKeystore(path(v)))),
    TLS_KEYSTORE_PASSWORD("tls-keystore-password", "", "password of --tls-keystore (prefer the environment variable)",
            (b, v) -> b.security(s -> s.tlsKeystorePassword(v))),
    TLS_CLIENT_CA("tls-client-ca", "", "PEM CA certificates; clients must then present a certificate they signed (mutual TLS)",
            (b, v) -> b.security(s -> s.tlsClientCa(path(v)))),
    MAX_PUSH_RATE("max-push-rate", "1/s", "sustained pushes per token and host (1/s, 30/m, off); over it: 429",
            (b, v) -> b.security(s -> s.maxPushRate(SecurityConfig.parseRate(v)))),
    PUSH_BURST("push-burst", "10", "pushes allowed at once before --max-push-rate applies",
            (b, v) -> b.security(s -> s.pushBurst(parsePositiveInt(v)))),
    MAX_CONNECTIONS("max-connections", "1000", "open connections; past it new ones wait to be accepted",
            (b, v) -> b.security(s -> s.maxConnections(parsePositiveInt(v)))),
    MAX_HEADER_BYTES("max-header-bytes", "16KiB", "cap on a request's headers",
            (b, v) -> b.security(s -> s.maxHeaderBytes(ByteSizes.parse(v)))),
    REMOTE_WRITE_URL("remote-write-url", "", "remote-write endpoint every accepted snapshot is forwarded to (repeatable)",
            (b, v) -> b.remoteWriteUrls(RemoteWriteSettings.parseUrls(v)), true),
    REMOTE_WRITE_BEARER_TOKEN_FILE("remote-write-bearer-token-file", "",
            "file holding the bearer token sent to the remote-write endpoints (re-read when it changes)",
            (b, v) -> b.remoteWriteBearerTokenFile(RemoteWriteSettings.parseTokenFile(v))),
    REMOTE_WRITE_HEADERS("remote-write-headers", "", "extra headers for remote write: Name=value (repeatable)",
            (b, v) -> b.remoteWriteHeaders(RemoteWriteSettings.parseHeaders(v)), true),
    // Pushgateway API (issue 5).
    ENABLE_ADMIN_API("enable-admin-api", "false", "allow PUT /api/v1/admin/wipe (Pushgateway API)",
            (b, v) -> b.enableAdminApi(parseBoolean(v)));

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

    /** Flags that take no value: {@code --insecure-no-auth} alone means true. */
    public boolean isSwitch() {
        return this == INSECURE_NO_AUTH || this == ENABLE_ADMIN_API;
    }

    private static Path path(String v) {
        return v.isEmpty() ? null : Path.of(v);
    }

    private static boolean parseBoolean(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0", "" -> false;
            default -> throw new IllegalArgumentException("invalid value '" + v + "': expected true or false");
        };
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
