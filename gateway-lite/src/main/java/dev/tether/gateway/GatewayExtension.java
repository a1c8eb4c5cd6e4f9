package dev.tether.gateway;

import dev.tether.gateway.config.GatewayConfig;
import dev.tether.gateway.http.GatewayServer;
import dev.tether.gateway.metrics.GatewayMetrics;
import dev.tether.gateway.store.HostStore;

import java.util.List;

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

    /**
     * Wraps the store before any route or background task gets it, to see every write as it happens
     * (remote write forwards pushes and sends stale markers at lapses, from the sweep). The wrapper
     * must keep {@link HostStore}'s contract. Runs before {@link #extend}.
     */
    default HostStore wrapStore(HostStore store, GatewayMetrics metrics, GatewayConfig config) {
        return store;
    }

    /** Called once when the gateway stops, after the server stopped and the state was written. */
    default void close() {
    }

    /** This extension, then {@code next} (the store wrapping and the close too, see {@link #of}). */
    default GatewayExtension andThen(GatewayExtension next) {
        return of(this, next);
    }

    /** No extension. */
    GatewayExtension NONE = (server, store, metrics, config) -> { };

    /** These extensions, in order: stores are wrapped, routes added and closes run in that order. */
    static GatewayExtension of(GatewayExtension... parts) {
        List<GatewayExtension> all = List.of(parts);
        return new GatewayExtension() {
            @Override
            public void extend(GatewayServer.Builder server, HostStore store, GatewayMetrics metrics, GatewayConfig config) {
                for (GatewayExtension e : all) {
                    e.extend(server, store, metrics, config);
                }
            }

            @Override
            public HostStore wrapStore(HostStore store, GatewayMetrics metrics, GatewayConfig config) {
                HostStore s = store;
                for (GatewayExtension e : all) {
                    s = e.wrapStore(s, metrics, config);
                }
                return s;
            }

            @Override
            public void close() {
                for (GatewayExtension e : all) {
                    e.close();
                }
            }
        };
    }
}
