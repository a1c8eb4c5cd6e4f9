package dev.tether.gateway.auth;

import dev.tether.gateway.GatewayExtension;
import dev.tether.gateway.config.ConfigException;
import dev.tether.gateway.config.GatewayConfig;
import dev.tether.gateway.config.SecurityConfig;
import dev.tether.gateway.http.GatewayServer;
import dev.tether.gateway.metrics.GatewayMetrics;
import dev.tether.gateway.store.HostStore;
import dev.tether.gateway.tls.TlsSetup;
import io.undertow.UndertowOptions;
import org.xnio.Options;

import java.util.logging.Logger;

/**
 * Tokens, TLS and abuse limits as one {@link GatewayExtension}. {@link #load} reads every file
 * first, so a bad tokens file, certificate or key stops the start with one clear line; then
 * {@link #extend} adds the push filter, the scrape filter, the HTTPS listener and the connection and
 * header limits. {@link #close} stops watching the tokens files.
 */
public final class GatewaySecurity implements GatewayExtension, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GatewaySecurity.class.getName());

    private final SecurityConfig config;
    private final TokenSource pushTokens;
    private final TokenSource scrapeTokens;
    private final TlsSetup tls;
    private final AuthFailures failures = new AuthFailures();

    private GatewaySecurity(SecurityConfig config, TokenSource pushTokens, TokenSource scrapeTokens, TlsSetup tls) {
        this.config = config;
        this.pushTokens = pushTokens;
        this.scrapeTokens = scrapeTokens;
        this.tls = tls;
    }

    /**
     * Reads the tokens files and the TLS material and starts watching the tokens files.
     *
     * @throws ConfigException naming the flag and file that cannot be used
     */
    public static GatewaySecurity load(GatewayConfig gateway) throws ConfigException {
        SecurityConfig s = gateway.security();
        try {
            s.check(gateway.listen());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        TlsSetup tls = s.tls() ? TlsSetup.load(s) : null;
        TokenSource push = open(s, true);
        TokenSource scrape;
        try {
            scrape = open(s, false);
        } catch (ConfigException e) {
            if (push != null) {
                push.close();
            }
            throw e;
        }
        return new GatewaySecurity(s, push, scrape, tls);
    }

    private static TokenSource open(SecurityConfig s, boolean push) throws ConfigException {
        var file = push ? s.tokensFile() : s.scrapeTokenFile();
        String flag = push ? "--tokens-file" : "--scrape-token-file";
        if (file == null) {
            return null;
        }
        try {
            return TokenSource.open(file, push, flag).watch(s.tokensPollInterval());
        } catch (TokenFileException e) {
            throw new ConfigException(flag + " " + e.getMessage());
        }
    }

    @Override
    public void extend(GatewayServer.Builder server, HostStore store, GatewayMetrics metrics, GatewayConfig gateway) {
        metrics.addFamilies(failures::families);
        boolean loopback = SecurityConfig.isLoopback(gateway.listen().host());
        if (pushTokens != null) {
            PushRateLimiter limiter = config.maxPushRate() > 0 ? new PushRateLimiter(config.maxPushRate(), config.pushBurst()) : null;
            String rateText = "--max-push-rate " + config.maxPushRate() + "/s, --push-burst " + config.pushBurst();
            server.pushFilter(new PushAuthFilter(pushTokens, limiter, failures, rateText));
            if (pushTokens.current().size() == 0) {
                LOG.warning("--tokens-file holds no tokens yet: every push is refused until a line is added");
            }
            if (tls == null && !loopback) {
                LOG.warning("serving plain HTTP on " + gateway.listen() + ": tokens cross the network readable;"
                        + " turn on --tls-cert/--tls-key (or --tls-keystore), or put a TLS proxy in front");
            }
        } else if (!loopback) {
            LOG.warning("--insecure-no-auth: anyone who can reach " + gateway.listen() + " may push any host");
        }
        if (scrapeTokens != null) {
            server.requestFilter(new ScrapeAuthFilter(scrapeTokens, failures));
        }
        if (tls != null) {
            server.listener(tls::bind);
        }
        int connections = config.maxConnections();
        server.undertow(b -> b
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, (int) Math.min(Integer.MAX_VALUE, config.maxHeaderBytes()))
                // XNIO splits this evenly over the I/O threads; a thread at its share stops accepting,
                // so a connection past the limit waits in the backlog until one closes.
                .setSocketOption(Options.CONNECTION_HIGH_WATER, connections));
    }

    /** {@code https} with TLS, else {@code http}. */
    public String scheme() {
        return tls == null ? "http" : "https";
    }

    public AuthFailures failures() {
        return failures;
    }

    /** The push tokens in force, or {@code null} when pushes are open. */
    public TokenSource pushTokens() {
        return pushTokens;
    }

    @Override
    public void close() {
        if (pushTokens != null) {
            pushTokens.close();
        }
        if (scrapeTokens != null) {
            scrapeTokens.close();
        }
    }
}
