package dev.tether.gateway.auth;

import dev.tether.gateway.http.Responses;
import dev.tether.protocol.push.PushProtocol;
import io.undertow.server.HandlerWrapper;
import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import io.undertow.util.Methods;

/**
 * With {@code --scrape-token-file}: every read ({@code GET}/{@code HEAD}: {@code /metrics},
 * {@code /api/v1/hosts}, {@code /}, and any read added later) needs one of its tokens. The health
 * probes stay open. Other methods go on to the router, where store-changing routes meet the
 * {@link PushAuthFilter}. Runs before routing, on the I/O thread.
 */
public final class ScrapeAuthFilter implements HandlerWrapper {
    private final TokenSource tokens;
    private final AuthFailures failures;

    public ScrapeAuthFilter(TokenSource tokens, AuthFailures failures) {
        this.tokens = tokens;
        this.failures = failures;
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return ex -> {
            boolean read = ex.getRequestMethod().equals(Methods.GET) || ex.getRequestMethod().equals(Methods.HEAD);
            String path = ex.getRequestPath();
            if (!read || path.equals(PushProtocol.HEALTHY_PATH) || path.equals(PushProtocol.READY_PATH)) {
                next.handleRequest(ex);
                return;
            }
            String token = Bearer.token(ex);
            AuthFailure reason = token == null ? AuthFailure.MISSING_TOKEN
                    : tokens.current().find(token) == null ? AuthFailure.UNKNOWN_TOKEN : null;
            if (reason == null) {
                next.handleRequest(ex);
                return;
            }
            failures.refused(reason, Bearer.source(ex), ex.getRequestMethod().toString(), path);
            ex.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"tether-gateway\"");
            Responses.text(ex, 401, reason == AuthFailure.MISSING_TOKEN
                    ? "reading needs a scrape token: send Authorization: Bearer <token>" : "unknown token");
        };
    }
}
