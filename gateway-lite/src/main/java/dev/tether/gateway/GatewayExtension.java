package dev.tether.gateway;

import dev.tether.gateway.config.GatewayConfig;
import dev.tether.gateway.http.GatewayServer;
import dev.tether.gateway.metrics.GatewayMetrics;
import dev.tether.gateway.store.HostStore;

/**
 * Adds to the gateway before it binds: routes, push filters, listener changes. Features that build
 * on the core (tokens and TLS, the Pushgateway-compatible API, the status page, remote write) are
 * extensions, so the core's wiring stays the same.
 */
@FunctionalInterface
public interface GatewayExtension {

    /**
     * @param server the server builder: {@code route}, {@code pushFilter}, {@code listener}, {@code undertow}
     * @param store the store the core routes use
     */
    void extend(GatewayServer.Builder server, HostStore store, GatewayMetrics metrics, GatewayConfig config);

    /** This extension, then {@code next}. */
    default GatewayExtension andThen(GatewayExtension next) {
        return (server, store, metrics, config) -> {
            extend(server, store, metrics, config);
            next.extend(server, store, metrics, config);
        };
    }

    /** No extension. */
    GatewayExtension NONE = (server, store, metrics, config) -> { };
}
