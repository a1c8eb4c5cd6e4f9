package dev.tether.tray.config;

import dev.tether.protocol.push.Durations;
import dev.tether.protocol.push.PushProtocol;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the forwarder needs to run, immutable. The UI edits a copy ({@link #toBuilder()}) and
 * hands it to {@code Forwarder.apply}, which takes effect at the next cycle without a restart.
 *
 * <p>Defaults: interval 15s, TTL 3 × interval, discovery dir {@code ~/.tether/agents}, dead-target
 * retention 1h, scrape timeout the smaller of 10s and the interval, proxy {@code auto}.
 */
public final class TraySettings {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_DEAD_TARGET_RETENTION = Duration.ofHours(1);
    private static final Duration MAX_SCRAPE_TIMEOUT = Duration.ofSeconds(10);

    private final List<URI> gateways;
    private final Path tokenFile;
    private final String host;
    private final Duration interval;
    private final Duration ttl;
    private final List<Path> discoveryDirs;
    private final List<StaticTarget> targets;
    private final InetSocketAddress statusListen;
    private final Duration deadTargetRetention;
    private final Duration scrapeTimeout;
    private final ProxySetting proxy;
    private final Path caFile;
    private final Path clientCert;
    private final Path clientKey;

    private TraySettings(Builder b) {
        this.gateways = List.copyOf(b.gateways);
        this.tokenFile = b.tokenFile;
        this.host = b.host != null ? b.host : HostNames.local();
        this.interval = b.interval;
        this.ttl = b.ttl != null ? b.ttl : b.interval.multipliedBy(3);
        this.discoveryDirs = b.discoveryDirs != null ? List.copyOf(b.discoveryDirs) : List.of(defaultDiscoveryDir());
        this.targets = List.copyOf(b.targets);
        this.statusListen = b.statusListen;
        this.deadTargetRetention = b.deadTargetRetention;
        this.scrapeTimeout = b.scrapeTimeout != null ? b.scrapeTimeout
                : (b.interval.compareTo(MAX_SCRAPE_TIMEOUT) < 0 ? b.interval : MAX_SCRAPE_TIMEOUT);
        this.proxy = b.proxy;
        this.caFile = b.caFile;
        this.clientCert = b.clientCert;
        this.clientKey = b.clientKey;
    }

    /** {@code ~/.tether/agents}, where agents write their discovery files by default. */
    public static Path defaultDiscoveryDir() {
        return Path.of(System.getProperty("user.home"), ".tether", "agents");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.gateways.addAll(gateways);
        b.tokenFile = tokenFile;
        b.host = host;
        b.interval = interval;
        b.ttl = ttl;
        b.discoveryDirs = new ArrayList<>(discoveryDirs);
        b.targets.addAll(targets);
        b.statusListen = statusListen;
        b.deadTargetRetention = deadTargetRetention;
        b.scrapeTimeout = scrapeTimeout;
        b.proxy = proxy;
        b.caFile = caFile;
        b.clientCert = clientCert;
        b.clientKey = clientKey;
        return b;
    }

    /** Gateway base URLs, without a trailing slash. May be empty (the UI starts unconfigured). */
    public List<URI> gateways() {
        return gateways;
    }

    /** The bearer token file, or null. */
    public Path tokenFile() {
        return tokenFile;
    }

    public String host() {
        return host;
    }

    public Duration interval() {
        return interval;
    }

    public Duration ttl() {
        return ttl;
    }

    public List<Path> discoveryDirs() {
        return discoveryDirs;
    }

    public List<StaticTarget> targets() {
        return targets;
    }

    /** The loopback address of the status endpoint, or null for none. */
    public InetSocketAddress statusListen() {
        return statusListen;
    }

    public Duration deadTargetRetention() {
        return deadTargetRetention;
    }

    public Duration scrapeTimeout() {
        return scrapeTimeout;
    }

    public ProxySetting proxy() {
        return proxy;
    }

    /** A PEM bundle of extra trusted CA certificates, or null. */
    public Path caFile() {
        return caFile;
    }

    /** The PEM certificate (chain, own certificate first) presented to gateways that ask for one, or null. */
    public Path clientCert() {
        return clientCert;
    }

    /** The unencrypted PKCS#8 PEM key of {@link #clientCert()}, or null. */
    public Path clientKey() {
        return clientKey;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TraySettings)) {
            return false;
        }
        TraySettings s = (TraySettings) o;
        return gateways.equals(s.gateways) && Objects.equals(tokenFile, s.tokenFile) && host.equals(s.host)
                && interval.equals(s.interval) && ttl.equals(s.ttl) && discoveryDirs.equals(s.discoveryDirs)
                && targets.equals(s.targets) && Objects.equals(statusListen, s.statusListen)
                && deadTargetRetention.equals(s.deadTargetRetention) && scrapeTimeout.equals(s.scrapeTimeout)
                && proxy.equals(s.proxy) && Objects.equals(caFile, s.caFile)
                && Objects.equals(clientCert, s.clientCert) && Objects.equals(clientKey, s.clientKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gateways, host, interval, ttl, discoveryDirs, targets);
    }

    @Override
    public String toString() {
        return "host=" + host + " gateways=" + gateways + " interval=" + Durations.format(interval)
                + " ttl=" + Durations.format(ttl) + " discovery=" + discoveryDirs + " targets=" + targets
                + " proxy=" + proxy + (caFile != null ? " ca-file=" + caFile : "")
                + (clientCert != null ? " client-cert=" + clientCert + " client-key=" + clientKey : "")
                + (tokenFile != null ? " token-file=" + tokenFile : "");
    }

    /** Builds {@link TraySettings}; {@link #build()} checks the combination. */
    public static final class Builder {
        private final List<URI> gateways = new ArrayList<>();
        private Path tokenFile;
        private String host;
        private Duration interval = DEFAULT_INTERVAL;
        private Duration ttl;
        private List<Path> discoveryDirs;
        private final List<StaticTarget> targets = new ArrayList<>();
        private InetSocketAddress statusListen;
        private Duration deadTargetRetention = DEFAULT_DEAD_TARGET_RETENTION;
        private Duration scrapeTimeout;
        private ProxySetting proxy = ProxySetting.auto();
        private Path caFile;
        private Path clientCert;
        private Path clientKey;

        private Builder() {
        }

        /**
         * Adds a gateway base URL such as {@code https://gw.example:9091}.
         *
         * @throws IllegalArgumentException unless it is an http(s) URL with a host
         */
        public Builder gateway(String url) {
            String u = url.trim();
            while (u.endsWith("/")) {
                u = u.substring(0, u.length() - 1);
            }
            URI uri;
            try {
                uri = URI.create(u);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid gateway URL '" + url + "'");
            }
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("invalid gateway URL '" + url
                        + "': expected http(s)://host[:port][/path]");
            }
            gateways.add(uri);
            return this;
        }

        public Builder clearGateways() {
            gateways.clear();
            return this;
        }

        public Builder tokenFile(Path file) {
            this.tokenFile = file;
            return this;
        }

        /** @throws IllegalArgumentException unless the name fits {@code [A-Za-z0-9._-]{1,128}} */
        public Builder host(String name) {
            if (name != null && !PushProtocol.isValidHostName(name)) {
                throw new IllegalArgumentException("invalid host name '" + name
                        + "': use letters, digits, '.', '_' and '-' (at most 128)");
            }
            this.host = name;
            return this;
        }

        public Builder interval(Duration d) {
            this.interval = Objects.requireNonNull(d);
            return this;
        }

        /** The TTL to ask for; null means 3 × the interval. */
        public Builder ttl(Duration d) {
            this.ttl = d;
            return this;
        }

        public Builder discoveryDir(Path dir) {
            if (discoveryDirs == null) {
                discoveryDirs = new ArrayList<>();
            }
            discoveryDirs.add(dir);
            return this;
        }

        /** Replaces the discovery dirs; null means the default one. */
        public Builder discoveryDirs(List<Path> dirs) {
            this.discoveryDirs = dirs == null ? null : new ArrayList<>(dirs);
            return this;
        }

        public Builder target(StaticTarget t) {
            targets.add(t);
            return this;
        }

        public Builder clearTargets() {
            targets.clear();
            return this;
        }

        /** @throws IllegalArgumentException unless the address is a loopback one */
        public Builder statusListen(InetSocketAddress address) {
            if (address != null && (address.isUnresolved() || !address.getAddress().isLoopbackAddress())) {
                throw new IllegalArgumentException("status address " + address
                        + " is not a loopback address; the status endpoint only listens on loopback");
            }
            this.statusListen = address;
            return this;
        }

        public Builder deadTargetRetention(Duration d) {
            this.deadTargetRetention = Objects.requireNonNull(d);
            return this;
        }

        /** The timeout of one scrape; null means the smaller of 10s and the interval. */
        public Builder scrapeTimeout(Duration d) {
            this.scrapeTimeout = d;
            return this;
        }

        public Builder proxy(ProxySetting p) {
            this.proxy = Objects.requireNonNull(p);
            return this;
        }

        public Builder caFile(Path file) {
            this.caFile = file;
            return this;
        }

        public Builder clientCert(Path file) {
            this.clientCert = file;
            return this;
        }

        public Builder clientKey(Path file) {
            this.clientKey = file;
            return this;
        }

        /** @throws IllegalArgumentException when the combination makes no sense */
        public TraySettings build() {
            if (interval.compareTo(Duration.ofMillis(100)) < 0) {
                throw new IllegalArgumentException("interval " + Durations.format(interval) + " is too short (at least 100ms)");
            }
            if (ttl != null && ttl.compareTo(interval) < 0) {
                throw new IllegalArgumentException("ttl " + Durations.format(ttl) + " is shorter than the interval "
                        + Durations.format(interval) + "; the host would lapse between pushes");
            }
            if (scrapeTimeout != null && scrapeTimeout.isZero()) {
                throw new IllegalArgumentException("scrape timeout must be above 0");
            }
            if ((clientCert == null) != (clientKey == null)) {
                throw new IllegalArgumentException(clientCert == null
                        ? "--client-key " + clientKey + " is given without --client-cert; give both or neither"
                        : "--client-cert " + clientCert + " is given without --client-key; give both or neither");
            }
            if (deadTargetRetention.isNegative()) {
                throw new IllegalArgumentException("dead-target retention must not be negative");
            }
            return new TraySettings(this);
        }
    }
}
