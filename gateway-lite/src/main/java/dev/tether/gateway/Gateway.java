package dev.tether.gateway;

import dev.tether.gateway.config.GatewayConfig;
import dev.tether.gateway.http.DeleteHostHandler;
import dev.tether.gateway.http.GatewayServer;
import dev.tether.gateway.http.HealthHandler;
import dev.tether.gateway.http.ListHostsHandler;
import dev.tether.gateway.http.MetricsHandler;
import dev.tether.gateway.http.PauseHostHandler;
import dev.tether.gateway.http.PutHostHandler;
import dev.tether.gateway.metrics.GatewayMetrics;
import dev.tether.gateway.persist.StateFile;
import dev.tether.gateway.persist.StatePersister;
import dev.tether.gateway.pushgateway.PushgatewayApi;
import dev.tether.gateway.store.GroupStore;
import dev.tether.gateway.store.HostStore;
import dev.tether.gateway.store.InMemoryGroupStore;
import dev.tether.gateway.store.InMemoryHostStore;
import dev.tether.protocol.push.PushProtocol;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Wires the gateway together: restores the store, serves HTTP, sweeps lapsed hosts and persists on
 * an interval. {@link #close()} stops serving and writes the state one last time.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Gateway.class.getName());

    private final GatewayConfig config;
    private final HostStore store;
    private final GroupStore groups;
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final StatePersister persister;
    private final StatePersister groupPersister;
    private final ScheduledExecutorService background;
    private final GatewayServer server;
    private final GatewayExtension extension;
    private volatile boolean ready;
    private boolean closed;

    private Gateway(GatewayConfig config, Clock clock, GatewayExtension extension) {
        this.config = config;
        this.extension = extension;
        InMemoryHostStore hosts = new InMemoryHostStore(clock, config.expiredRetention());
        this.store = extension.wrapStore(hosts, metrics, config);
        // The groups share the hosts' lock and type index, so they are built on the unwrapped store.
        this.groups = new InMemoryGroupStore(hosts, clock, config.expiredRetention());
        StateFile file = new StateFile(config.dataDir(), clock);
        store.restore(file.read());
        this.persister = new StatePersister(store, file, metrics);
        StateFile groupFile = new StateFile(config.dataDir(), "groups", clock);
        groups.restore(groupFile.readGroups());
        this.groupPersister = new StatePersister(groups, groupFile, metrics);
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tether-gateway-background");
            t.setDaemon(true);
            return t;
        });
        GatewayServer.Builder b = GatewayServer.builder(config)
                .route(GatewayServer.PUT, PushProtocol.HOSTS_PATH + "/{host}",
                        new PutHostHandler(store, config, metrics), true, true)
                .route(GatewayServer.POST, PushProtocol.HOSTS_PATH + "/{host}" + PushProtocol.PAUSE_SUFFIX,
                        new PauseHostHandler(store, config), true, false)
                .route(GatewayServer.DELETE, PushProtocol.HOSTS_PATH + "/{host}", new DeleteHostHandler(store), true, false)
                .route(GatewayServer.GET, PushProtocol.HOSTS_PATH, new ListHostsHandler(store), false, false)
                .route(GatewayServer.GET, PushProtocol.METRICS_PATH, new MetricsHandler(store, groups, metrics), false, false)
                .route(GatewayServer.GET, PushProtocol.HEALTHY_PATH, new HealthHandler(() -> true, "healthy"), false, false)
                .route(GatewayServer.GET, PushProtocol.READY_PATH, new HealthHandler(() -> ready, "ready"), false, false);
        PushgatewayApi.register(b, groups, config, metrics);
        extension.extend(b, store, metrics, config);
        this.server = b.start();
        long sweepMs = config.sweepInterval().toMillis();
        background.scheduleWithFixedDelay(guard("sweep", store::sweep), sweepMs, sweepMs, TimeUnit.MILLISECONDS);
        background.scheduleWithFixedDelay(guard("group sweep", groups::sweep), sweepMs, sweepMs, TimeUnit.MILLISECONDS);
        long persistMs = config.persistInterval().toMillis();
        background.scheduleWithFixedDelay(guard("persist", persister::persist), persistMs, persistMs, TimeUnit.MILLISECONDS);
        background.scheduleWithFixedDelay(guard("group persist", groupPersister::persist), persistMs, persistMs,
                TimeUnit.MILLISECONDS);
        ready = true;
    }

    /** Starts a gateway with the real clock and the core routes only. */
    public static Gateway start(GatewayConfig config) {
        return start(config, Clock.systemUTC(), GatewayExtension.NONE);
    }

    /**
     * Starts a gateway.
     *
     * @param clock the clock of every TTL decision (tests pass a fake one)
     * @param extension adds routes, filters or listener changes before the server binds
     */
    public static Gateway start(GatewayConfig config, Clock clock, GatewayExtension extension) {
        return new Gateway(config, clock, extension);
    }

    private static Runnable guard(String what, Runnable task) {
        // A failing background task must not cancel its schedule.
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, what + " failed", e);
            }
        };
    }

    public InetSocketAddress address() {
        return server.address();
    }

    public HostStore store() {
        return store;
    }

    /** The Pushgateway-compatible groups, which share the hosts' type index. */
    public GroupStore groups() {
        return groups;
    }

    public GatewayMetrics metrics() {
        return metrics;
    }

    public GatewayConfig config() {
        return config;
    }

    /** Writes the state now if it changed; returns whether it is on disk. */
    public boolean persistNow() {
        boolean hostsWritten = persister.persist();
        return groupPersister.persist() && hostsWritten;
    }

    /** Stops accepting requests, stops the background tasks, and writes the state a last time. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ready = false;
        server.close();
        background.shutdownNow();
        try {
            background.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        persister.persist();
        groupPersister.persist();
        extension.close();
    }
}
