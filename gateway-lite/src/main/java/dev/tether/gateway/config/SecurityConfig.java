package dev.tether.gateway.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Who may push and scrape, TLS, and the abuse limits. Part of {@link GatewayConfig}; every field is a
 * flag except the tokens file poll interval (tests shorten it). {@code null} paths mean "not set".
 */
public record SecurityConfig(Path tokensFile, Path scrapeTokenFile, boolean insecureNoAuth,
                             Path tlsCert, Path tlsKey, Path tlsKeystore, String tlsKeystorePassword, Path tlsClientCa,
                             double maxPushRate, int pushBurst, int maxConnections, long maxHeaderBytes,
                             Duration tokensPollInterval) {

    /** The documented defaults: no tokens, no TLS, 1 push/s with a burst of 10, 1000 connections, 16 KiB of headers. */
    public static final SecurityConfig DEFAULTS = new SecurityConfig(null, null, false, null, null, null, null, null,
            1.0, 10, 1000, 16 * 1024, Duration.ofSeconds(1));

    /** Never shows the keystore password. */
    @Override
    public String toString() {
        return "SecurityConfig[tokensFile=" + tokensFile + ", scrapeTokenFile=" + scrapeTokenFile + ", insecureNoAuth="
                + insecureNoAuth + ", tls=" + tls() + ", clientCa=" + tlsClientCa + ", maxPushRate=" + maxPushRate
                + ", pushBurst=" + pushBurst + ", maxConnections=" + maxConnections + ", maxHeaderBytes=" + maxHeaderBytes + "]";
    }

    public boolean tls() {
        return tlsCert != null || tlsKeystore != null;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.tokensFile = tokensFile;
        b.scrapeTokenFile = scrapeTokenFile;
        b.insecureNoAuth = insecureNoAuth;
        b.tlsCert = tlsCert;
        b.tlsKey = tlsKey;
        b.tlsKeystore = tlsKeystore;
        b.tlsKeystorePassword = tlsKeystorePassword;
        b.tlsClientCa = tlsClientCa;
        b.maxPushRate = maxPushRate;
        b.pushBurst = pushBurst;
        b.maxConnections = maxConnections;
        b.maxHeaderBytes = maxHeaderBytes;
        b.tokensPollInterval = tokensPollInterval;
        return b;
    }

    /** Collects the security settings; starts from {@link #DEFAULTS}' values when made by {@code DEFAULTS.toBuilder()}. */
    public static final class Builder {
        private Path tokensFile;
        private Path scrapeTokenFile;
        private boolean insecureNoAuth;
        private Path tlsCert;
        private Path tlsKey;
        private Path tlsKeystore;
        private String tlsKeystorePassword;
        private Path tlsClientCa;
        private double maxPushRate;
        private int pushBurst;
        private int maxConnections;
        private long maxHeaderBytes;
        private Duration tokensPollInterval;

        private Builder() {
        }

        public Builder tokensFile(Path v) {
            tokensFile = v;
            return this;
        }

        public Builder scrapeTokenFile(Path v) {
            scrapeTokenFile = v;
            return this;
        }

        public Builder insecureNoAuth(boolean v) {
            insecureNoAuth = v;
            return this;
        }

        public Builder tlsCert(Path v) {
            tlsCert = v;
            return this;
        }

        public Builder tlsKey(Path v) {
            tlsKey = v;
            return this;
        }

        public Builder tlsKeystore(Path v) {
            tlsKeystore = v;
            return this;
        }

        public Builder tlsKeystorePassword(String v) {
            tlsKeystorePassword = v == null || v.isEmpty() ? null : v;
            return this;
        }

        public Builder tlsClientCa(Path v) {
            tlsClientCa = v;
            return this;
        }

        /** Pushes per second per token and host; 0 for no limit. */
        public Builder maxPushRate(double v) {
            maxPushRate = v;
            return this;
        }

        public Builder pushBurst(int v) {
            pushBurst = v;
            return this;
        }

        public Builder maxConnections(int v) {
            maxConnections = v;
            return this;
        }

        public Builder maxHeaderBytes(long v) {
            maxHeaderBytes = v;
            return this;
        }

        public Builder tokensPollInterval(Duration v) {
            tokensPollInterval = v;
            return this;
        }

        public SecurityConfig build() {
            return new SecurityConfig(tokensFile, scrapeTokenFile, insecureNoAuth, tlsCert, tlsKey, tlsKeystore,
                    tlsKeystorePassword, tlsClientCa, maxPushRate, pushBurst, maxConnections, maxHeaderBytes, tokensPollInterval);
        }
    }

    /**
     * The checks that need no file: TLS flags that go together, and the safe default (no open pushes
     * on a non-loopback address unless asked for by name).
     *
     * @throws IllegalArgumentException naming the flags to fix
     */
    public void check(ListenAddress listen) {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together: give both, or --tls-keystore instead");
        }
        if (tlsCert != null && tlsKeystore != null) {
            throw new IllegalArgumentException("give either --tls-cert/--tls-key or --tls-keystore, not both");
        }
        if (tlsClientCa != null && !tls()) {
            throw new IllegalArgumentException("--tls-client-ca needs TLS: add --tls-cert/--tls-key or --tls-keystore");
        }
        if (tokensFile == null && !insecureNoAuth && !isLoopback(listen.host())) {
            throw new IllegalArgumentException("refusing to listen on " + listen + " without --tokens-file: anyone could push."
                    + " Make a token with 'token new --hosts ...', or pass --insecure-no-auth to allow it anyway");
        }
    }

    /** Whether the address is loopback only; a name that does not resolve is not. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Parses a rate: {@code 1/s}, {@code 60/m}, {@code 3600/h}, a plain number (per second), or
     * {@code 0}/{@code off} for no limit.
     */
    public static double parseRate(String v) {
        String t = v.trim().toLowerCase(Locale.ROOT);
        if (t.equals("off")) {
            return 0;
        }
        double per = 1;
        int slash = t.indexOf('/');
        if (slash >= 0) {
            per = switch (t.substring(slash + 1)) {
                case "s" -> 1;
                case "m" -> 60;
                case "h" -> 3600;
                default -> -1;
            };
            t = t.substring(0, slash);
        }
        double n;
        try {
            n = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (per < 0 || n < 0 || Double.isNaN(n) || Double.isInfinite(n)) {
            throw new IllegalArgumentException("invalid rate '" + v + "': expected such as 1/s, 30/m, 600/h, or off");
        }
        return n / per;
    }
}
