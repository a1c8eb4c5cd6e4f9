package dev.tether.gateway.status;

import dev.tether.gateway.GatewayExtension;
import dev.tether.gateway.http.GatewayServer;
import dev.tether.protocol.push.PushProtocol;

/**
 * The status page as a {@link GatewayExtension}: {@code GET /} (the page) and
 * {@code GET /api/v1/hosts/{host}} (one host's details, which the page shows on a click).
 */
public final class StatusPage {
    private StatusPage() {
    }

    public static GatewayExtension extension() {
        return (server, store, metrics, config) -> server
                .route(GatewayServer.GET, "/", new StatusPageHandler(store), false, false)
                .route(GatewayServer.GET, PushProtocol.HOSTS_PATH + "/{host}", new HostDetailsHandler(store), false, false);
    }
}
