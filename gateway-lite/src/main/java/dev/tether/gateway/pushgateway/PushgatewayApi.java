package dev.tether.gateway.pushgateway;

import dev.tether.gateway.config.GatewayConfig;
import dev.tether.gateway.http.GatewayServer;
import dev.tether.gateway.metrics.GatewayMetrics;
import dev.tether.gateway.store.GroupStore;

/**
 * The Pushgateway-compatible routes: {@code PUT|POST|DELETE /metrics/job/<job>{/<label>/<value>}*},
 * {@code GET /api/v1/metrics}, and {@code PUT /api/v1/admin/wipe} with {@code --enable-admin-api}.
 */
public final class PushgatewayApi {
    private PushgatewayApi() {
    }

    public static void register(GatewayServer.Builder server, GroupStore groups, GatewayConfig config,
                                GatewayMetrics metrics) {
        String push = GroupPath.PREFIX + "*";
        server.route(GatewayServer.PUT, push, new GroupPushHandler(groups, config, metrics, true), true, true)
                .route(GatewayServer.POST, push, new GroupPushHandler(groups, config, metrics, false), true, true)
                .route(GatewayServer.DELETE, push, new DeleteGroupHandler(groups), true, false)
                .route(GatewayServer.GET, "/api/v1/metrics", new GroupStatusHandler(groups), false, false);
        if (config.enableAdminApi()) {
            server.route(GatewayServer.PUT, "/api/v1/admin/wipe", new WipeHandler(groups), true, false);
        }
    }
}
