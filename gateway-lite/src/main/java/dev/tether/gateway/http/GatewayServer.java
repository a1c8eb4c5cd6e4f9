package dev.tether.gateway.http;

import dev.tether.gateway.config.GatewayConfig;
import dev.tether.gateway.config.ListenAddress;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HandlerWrapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.server.handlers.BlockingReadTimeoutHandler;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The HTTP side: a router of routes to handlers on one Undertow listener. Extension points for the
 * features built on this core:
 * <ul>
 *   <li>{@link Builder#route}: more endpoints (the Pushgateway-compatible API, the status page);</li>
 *   <li>{@link Builder#pushFilter}: wraps every route that changes the store (bearer tokens, host
 *   allow-lists, rate limits);</li>
 *   <li>{@link Builder#listener}: how the listen address is bound; HTTPS replaces the default
 *   {@code addHttpListener} with {@code addHttpsListener(port, host, sslContext)};</li>
 *   <li>{@link Builder#requestFilter}: wraps every request before routing (scrape tokens);</li>
 *   <li>{@link Builder#undertow}: any other change to the Undertow builder before it is built.</li>
 * </ul>
 * A push filter runs after routing, so it can read the {@code host} path parameter
 * ({@link Responses#pathParam}) to check that a token may push that host.
 */
public final class GatewayServer implements AutoCloseable {
    private final Undertow undertow;

    private GatewayServer(Undertow undertow) {
        this.undertow = undertow;
    }

    public static Builder builder(GatewayConfig config) {
        return new Builder(config);
    }

    /** The address actually bound (the real port when 0 was asked). */
    public InetSocketAddress address() {
        return (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
    }

    @Override
    public void close() {
        undertow.stop();
    }

    /** Collects routes and options, then binds. */
    public static final class Builder {
        private record Route(HttpString method, String template, HttpHandler handler, boolean push, boolean readsBody) {
        }

        private final GatewayConfig config;
        private final List<Route> routes = new ArrayList<>();
        private HandlerWrapper pushFilter = h -> h;
        private HandlerWrapper requestFilter = h -> h;
        private final List<Consumer<Undertow.Builder>> customizers = new ArrayList<>();
        private BiConsumer<Undertow.Builder, ListenAddress> listener =
                (b, a) -> b.addHttpListener(a.port(), a.host());

        private Builder(GatewayConfig config) {
            this.config = config;
        }

        /**
         * Adds a route. Handlers run on worker threads and may block.
         *
         * @param template an Undertow path template, such as {@code /api/v1/hosts/{host}}
         * @param push whether the route changes the store (it then goes through the push filter)
         * @param readsBody whether it reads a request body (it then gets the body read timeouts)
         */
        public Builder route(HttpString method, String template, HttpHandler handler, boolean push, boolean readsBody) {
            routes.add(new Route(method, template, handler, push, readsBody));
            return this;
        }

        public Builder pushFilter(HandlerWrapper filter) {
            HandlerWrapper previous = pushFilter;
            pushFilter = h -> filter.wrap(previous.wrap(h));
            return this;
        }

        /**
         * Wraps the whole router: runs before routing, on the I/O thread, for every request (scrape
         * tokens). Must not block.
         */
        public Builder requestFilter(HandlerWrapper filter) {
            HandlerWrapper previous = requestFilter;
            requestFilter = h -> filter.wrap(previous.wrap(h));
            return this;
        }

        /** Replaces how {@code --listen} is bound (plain HTTP by default). */
        public Builder listener(BiConsumer<Undertow.Builder, ListenAddress> binder) {
            listener = binder;
            return this;
        }

        public Builder undertow(Consumer<Undertow.Builder> customizer) {
            customizers.add(customizer);
            return this;
        }

        /** Binds and starts serving. */
        public GatewayServer start() {
            RoutingHandler router = new RoutingHandler(false);
            for (Route r : routes) {
                HttpHandler h = r.handler();
                if (r.readsBody()) {
                    h = BlockingReadTimeoutHandler.builder().nextHandler(h)
                            .readTimeout(config.bodyIdleTimeout()).build();
                }
                h = new BlockingHandler(h);
                if (r.push()) {
                    h = pushFilter.wrap(h);
                }
                router.add(r.method(), r.template(), h);
            }
            router.setFallbackHandler(ex -> Responses.text(ex, 404, "no such endpoint: " + ex.getRequestPath()));
            router.setInvalidMethodHandler(ex -> Responses.text(ex, 405,
                    "method " + ex.getRequestMethod() + " is not allowed on " + ex.getRequestPath()));
            Undertow.Builder b = Undertow.builder();
            listener.accept(b, config.listen());
            b.setHandler(requestFilter.wrap(router))
                    .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
                    // Undertow sizes buffers by the heap; a small heap would get 8 KiB and wake the
                    // I/O thread more often per push body.
                    .setBufferSize(16 * 1024 - 20)
                    .setDirectBuffers(true)
                    // Headers that trickle in, and idle keep-alive connections, must not hold sockets forever.
                    .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) config.bodyIdleTimeout().toMillis())
                    .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 60_000);
            for (Consumer<Undertow.Builder> c : customizers) {
                c.accept(b);
            }
            Undertow u = b.build();
            u.start();
            return new GatewayServer(u);
        }
    }

    /** Shorthand for the methods the core routes use. */
    public static final HttpString GET = Methods.GET;
    public static final HttpString PUT = Methods.PUT;
    public static final HttpString POST = Methods.POST;
    public static final HttpString DELETE = Methods.DELETE;
}
