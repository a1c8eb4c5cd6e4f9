package dev.tether.gateway.config;

import java.nio.file.Path;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The gateway's settings, immutable. {@link ConfigLoader} fills it from flags, the environment and a
 * file; tests build one directly with {@link #builder()}. The timeouts and the sweep interval are not
 * flags: they protect the server and rarely need changing, but tests shorten them.
 */
public final class GatewayConfig {
    private final ListenAddress listen;
    private final Path dataDir;
    private final Duration defaultTtl;
    private final Duration minTtl;
    private final Duration maxTtl;
    private final Duration expiredRetention;
    private final Duration persistInterval;
    private final long maxBodyBytes;
    private final int maxSeriesPerHost;
    private final Duration bodyIdleTimeout;
    private final Duration bodyTotalTimeout;
    private final Duration sweepInterval;
    private final SecurityConfig security;
    private final List<URI> remoteWriteUrls;
    private final Path remoteWriteBearerTokenFile;
    private final Map<String, String> remoteWriteHeaders;
    private final boolean enableAdminApi;

    private GatewayConfig(Builder b) {
        this.listen = b.listen;
        this.dataDir = b.dataDir;
        this.defaultTtl = b.defaultTtl;
        this.minTtl = b.minTtl;
        this.maxTtl = b.maxTtl;
        this.expiredRetention = b.expiredRetention;
        this.persistInterval = b.persistInterval;
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxSeriesPerHost = b.maxSeriesPerHost;
        this.bodyIdleTimeout = b.bodyIdleTimeout;
        this.bodyTotalTimeout = b.bodyTotalTimeout;
        this.sweepInterval = b.sweepInterval;
        this.security = b.security.build();
        this.remoteWriteUrls = b.remoteWriteUrls;
        this.remoteWriteBearerTokenFile = b.remoteWriteBearerTokenFile;
        this.remoteWriteHeaders = b.remoteWriteHeaders;
        this.enableAdminApi = b.enableAdminApi;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.listen = listen;
        b.dataDir = dataDir;
        b.defaultTtl = defaultTtl;
        b.minTtl = minTtl;
        b.maxTtl = maxTtl;
        b.expiredRetention = expiredRetention;
        b.persistInterval = persistInterval;
        b.maxBodyBytes = maxBodyBytes;
        b.maxSeriesPerHost = maxSeriesPerHost;
        b.bodyIdleTimeout = bodyIdleTimeout;
        b.bodyTotalTimeout = bodyTotalTimeout;
        b.sweepInterval = sweepInterval;
        b.security = security.toBuilder();
        b.remoteWriteUrls = remoteWriteUrls;
        b.remoteWriteBearerTokenFile = remoteWriteBearerTokenFile;
        b.remoteWriteHeaders = remoteWriteHeaders;
        b.enableAdminApi = enableAdminApi;
        return b;
    }

    public ListenAddress listen() {
        return listen;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Duration defaultTtl() {
        return defaultTtl;
    }

    public Duration minTtl() {
        return minTtl;
    }

    public Duration maxTtl() {
        return maxTtl;
    }

    public Duration expiredRetention() {
        return expiredRetention;
    }

    public Duration persistInterval() {
        return persistInterval;
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    public int maxSeriesPerHost() {
        return maxSeriesPerHost;
    }

    /** How long a push body may send nothing before the push is dropped. */
    public Duration bodyIdleTimeout() {
        return bodyIdleTimeout;
    }

    /** How long a whole push body may take, so that a slow trickle cannot hold a worker forever. */
    public Duration bodyTotalTimeout() {
        return bodyTotalTimeout;
    }

    /** How often lapsed hosts are swept out of memory (reads filter lapsed hosts at once anyway). */
    public Duration sweepInterval() {
        return sweepInterval;
    }

    /** Tokens, TLS and abuse limits. */
    public SecurityConfig security() {
        return security;
    }

    /** Where accepted snapshots are forwarded with remote write; empty when not at all. */
    public List<URI> remoteWriteUrls() {
        return remoteWriteUrls;
    }

    /** The file holding the remote-write bearer token, or {@code null}. */
    public Path remoteWriteBearerTokenFile() {
        return remoteWriteBearerTokenFile;
    }

    /** Extra headers sent with every remote-write request (a tenant header, say). */
    public Map<String, String> remoteWriteHeaders() {
        return remoteWriteHeaders;
    }

    /** Whether the Pushgateway admin API ({@code PUT /api/v1/admin/wipe}) is served. */
    public boolean enableAdminApi() {
        return enableAdminApi;
    }

    /** A TTL asked for by a client, or the default when it asked none, clamped to [min, max]. */
    public Duration clampTtl(Duration asked) {
        Duration d = asked == null ? defaultTtl : asked;
        if (d.compareTo(minTtl) < 0) {
            return minTtl;
        }
        return d.compareTo(maxTtl) > 0 ? maxTtl : d;
    }

    /** Builds a {@link GatewayConfig}; starts from the documented defaults. */
    public static final class Builder {
        private ListenAddress listen = new ListenAddress("127.0.0.1", 9091);
        private Path dataDir = Path.of("data");
        private Duration defaultTtl = Duration.ofSeconds(45);
        private Duration minTtl = Duration.ofSeconds(5);
        private Duration maxTtl = Duration.ofHours(24);
        private Duration expiredRetention = Duration.ofHours(1);
        private Duration persistInterval = Duration.ofSeconds(5);
        private long maxBodyBytes = 16L << 20;
        private int maxSeriesPerHost = 100_000;
        private Duration bodyIdleTimeout = Duration.ofSeconds(10);
        private Duration bodyTotalTimeout = Duration.ofSeconds(30);
        private Duration sweepInterval = Duration.ofMillis(500);
        private SecurityConfig.Builder security = SecurityConfig.DEFAULTS.toBuilder();
        private List<URI> remoteWriteUrls = List.of();
        private Path remoteWriteBearerTokenFile;
        private Map<String, String> remoteWriteHeaders = Map.of();
        private boolean enableAdminApi;

        private Builder() {
        }

        public Builder listen(ListenAddress v) {
            listen = Objects.requireNonNull(v);
            return this;
        }

        public Builder dataDir(Path v) {
            dataDir = Objects.requireNonNull(v);
            return this;
        }

        public Builder defaultTtl(Duration v) {
            defaultTtl = positive(v, "default-ttl");
            return this;
        }

        public Builder minTtl(Duration v) {
            minTtl = positive(v, "min-ttl");
            return this;
        }

        public Builder maxTtl(Duration v) {
            maxTtl = positive(v, "max-ttl");
            return this;
        }

        public Builder expiredRetention(Duration v) {
            expiredRetention = Objects.requireNonNull(v);
            return this;
        }

        public Builder persistInterval(Duration v) {
            persistInterval = positive(v, "persist-interval");
            return this;
        }

        public Builder maxBodyBytes(long v) {
            if (v <= 0) {
                throw new IllegalArgumentException("must be positive");
            }
            maxBodyBytes = v;
            return this;
        }

        public Builder maxSeriesPerHost(int v) {
            if (v <= 0) {
                throw new IllegalArgumentException("must be positive");
            }
            maxSeriesPerHost = v;
            return this;
        }

        public Builder bodyIdleTimeout(Duration v) {
            bodyIdleTimeout = positive(v, "body idle timeout");
            return this;
        }

        public Builder bodyTotalTimeout(Duration v) {
            bodyTotalTimeout = positive(v, "body total timeout");
            return this;
        }

        /** Changes the security settings: {@code security(s -> s.tokensFile(file))}. */
        public Builder security(java.util.function.Consumer<SecurityConfig.Builder> change) {
            change.accept(security);
            return this;
        }

        public Builder sweepInterval(Duration v) {
            sweepInterval = positive(v, "sweep interval");
            return this;
        }

        public Builder remoteWriteUrls(List<URI> v) {
            remoteWriteUrls = List.copyOf(v);
            return this;
        }

        /** {@code null} for none. */
        public Builder remoteWriteBearerTokenFile(Path v) {
            remoteWriteBearerTokenFile = v;
            return this;
        }

        public Builder remoteWriteHeaders(Map<String, String> v) {
            remoteWriteHeaders = Map.copyOf(v);
            return this;
        }

        /**
         * @throws IllegalArgumentException when the TTL bounds contradict each other
         */
        public Builder enableAdminApi(boolean v) {
            enableAdminApi = v;
            return this;
        }

        public GatewayConfig build() {
            if (minTtl.compareTo(maxTtl) > 0) {
                throw new IllegalArgumentException("--min-ttl (" + minTtl + ") is larger than --max-ttl (" + maxTtl + ")");
            }
            return new GatewayConfig(this);
        }

        private static Duration positive(Duration v, String what) {
            if (v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return v;
        }
    }
}
