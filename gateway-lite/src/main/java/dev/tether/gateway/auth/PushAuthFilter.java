package dev.tether.gateway.auth;

import dev.tether.gateway.http.Responses;
import io.undertow.server.HandlerWrapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.util.HexFormat;

/**
 * Guards every route that changes the store (the core's push, pause and delete, and any later
 * route registered with {@code push = true}): a known bearer token (else 401), allowed to write the
 * route's host (else 403), within its push rate (else 429 with {@code Retry-After}).
 *
 * <p>Which host a request writes: the route's {@code {host}} path parameter. A store-changing route
 * without one (a Pushgateway group, an admin wipe) can only be used with a token allowed every
 * host ({@code *}); to let narrower tokens use it, name what it writes {@code {host}} in the template,
 * or extend {@link #target}.
 *
 * <p>Runs on the I/O thread before the body is read, so a refused push costs no parsing. It never
 * blocks: one SHA-256, a few comparisons, one bucket.
 */
public final class PushAuthFilter implements HandlerWrapper {
    private final TokenSource tokens;
    private final PushRateLimiter limiter;
    private final AuthFailures failures;
    private final String rateText;

    /**
     * @param limiter {@code null} for no rate limit
     * @param rateText how the limit was configured, for the 429 message
     */
    public PushAuthFilter(TokenSource tokens, PushRateLimiter limiter, AuthFailures failures, String rateText) {
        this.tokens = tokens;
        this.limiter = limiter;
        this.failures = failures;
        this.rateText = rateText;
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return ex -> {
            String token = Bearer.token(ex);
            if (token == null) {
                refuse(ex, AuthFailure.MISSING_TOKEN, "a push needs a token: send Authorization: Bearer <token>");
                return;
            }
            TokenEntry entry = tokens.current().find(token);
            if (entry == null) {
                refuse(ex, AuthFailure.UNKNOWN_TOKEN, "unknown token");
                return;
            }
            String host = target(ex);
            if (host == null ? !entry.allowsAll() : !entry.allows(host)) {
                refuse(ex, AuthFailure.HOST_NOT_ALLOWED, host == null
                        ? "this endpoint needs a token allowed for every host (*)"
                        : "this token may not push host '" + host + "'");
                return;
            }
            if (limiter != null) {
                long wait = limiter.acquire(HexFormat.of().formatHex(entry.sha256()) + "/" + (host == null ? "*" : host));
                if (wait > 0) {
                    ex.getResponseHeaders().put(Headers.RETRY_AFTER, Long.toString(wait));
                    refuse(ex, AuthFailure.RATE_LIMITED, "push rate over the limit for this token and host ("
                            + rateText + "); retry in " + wait + " s");
                    return;
                }
            }
            next.handleRequest(ex);
        };
    }

    /** The host a store-changing request writes, or {@code null} when the route does not say. */
    static String target(HttpServerExchange ex) {
        return Responses.pathParam(ex, "host");
    }

    private void refuse(HttpServerExchange ex, AuthFailure reason, String message) {
        failures.refused(reason, Bearer.source(ex), ex.getRequestMethod().toString(), ex.getRequestPath());
        if (reason.status() == 401) {
            ex.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"tether-gateway\"");
        }
        // The body was not read: do not keep a connection whose next bytes are that body.
        ex.setPersistent(false);
        Responses.text(ex, reason.status(), message);
    }
}
