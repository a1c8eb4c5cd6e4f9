package dev.tether.agent.lifecycle;

import dev.tether.agent.AgentVersion;
import dev.tether.agent.config.AgentOptions;
import dev.tether.agent.discovery.DiscoveryFile;
import dev.tether.agent.discovery.DiscoveryRecord;
import dev.tether.agent.discovery.ProcessInfo;
import dev.tether.agent.endpoint.MetricsEndpoint;
import dev.tether.agent.endpoint.MetricsServer;
import dev.tether.agent.instrument.InstrumentationInstaller;
import dev.tether.agent.log.AgentLog;
import dev.tether.agent.metrics.AgentMetrics;
import io.prometheus.client.CollectorRegistry;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;

/**
 * The agent's life in one JVM.
 *
 * <p>Premain only registers the shutdown hook and starts the {@code tether-start} thread, so the app's
 * {@code main} is not kept waiting. That thread builds the registry, opens the endpoint, installs the
 * instrumentations, and last writes the discovery file, which is the agent's "ready". The shutdown
 * hook closes the endpoint and deletes the file; a lock makes sure a start still under way when the app
 * exits cannot leave a file behind.
 */
public final class AgentRuntime {
    private final AgentOptions options;
    private final Instrumentation instrumentation;
    private final AgentLog log;
    private final long startNanos;
    private final Object lock = new Object();
    private boolean stopping;
    private MetricsServer server;
    private DiscoveryFile discoveryFile;

    /** @param startNanos {@link System#nanoTime()} when premain was entered, for the debug log */
    public AgentRuntime(AgentOptions options, Instrumentation instrumentation, AgentLog log, long startNanos) {
        this.options = options;
        this.instrumentation = instrumentation;
        this.log = log;
        this.startNanos = startNanos;
    }

    /** Returns at once; the work happens on daemon threads. */
    public void start() {
        Runtime.getRuntime().addShutdownHook(DaemonThreads.newThread("tether-shutdown", new Runnable() {
            @Override
            public void run() {
                stop();
            }
        }));
        DaemonThreads.newThread("tether-start", new Runnable() {
            @Override
            public void run() {
                try {
                    startInBackground();
                } catch (Throwable t) {
                    log.problem("could not start (" + t + "); the application runs without the agent");
                }
            }
        }).start();
    }

    void startInBackground() throws IOException {
        CollectorRegistry registry = AgentMetrics.create(AgentVersion.get(), options.app());
        MetricsServer started = MetricsServer.start(InetAddress.getByName(options.bind()), options.port(),
                new MetricsEndpoint(registry), log);
        synchronized (lock) {
            if (stopping) {
                started.close();
                return;
            }
            server = started;
        }
        new InstrumentationInstaller(instrumentation, options, registry, log).install();

        String url = "http://" + urlHost(options.bind()) + ":" + started.port() + MetricsEndpoint.PATH;
        long pid = ProcessInfo.pid();
        DiscoveryRecord record = new DiscoveryRecord(pid, url, options.app(), ProcessInfo.jvmStartEpochSecond(),
                AgentVersion.get(), System.getProperty("java.version"));
        DiscoveryFile file = new DiscoveryFile(options.discoveryDir().toPath(), pid);
        synchronized (lock) {
            if (stopping) {
                return;
            }
            try {
                file.write(record);
                discoveryFile = file;
            } catch (IOException | RuntimeException e) {
                log.problem("cannot write the discovery file " + file.path() + " (" + e
                        + "); metrics are still served at " + url);
            }
        }
        log.debug("ready in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos) + " ms, serving " + url
                + (discoveryFile != null ? ", announced in " + file.path() : ""));
    }

    /** Closes the endpoint and deletes the discovery file; safe to call twice. */
    public void stop() {
        try {
            synchronized (lock) {
                stopping = true;
                if (server != null) {
                    server.close();
                }
                if (discoveryFile != null) {
                    discoveryFile.delete();
                }
            }
        } catch (Throwable t) {
            // Exiting anyway.
        }
    }

    /** The host the tray should dial: a wildcard bind is reached on loopback. */
    static String urlHost(String bind) {
        if (bind.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        if (bind.indexOf(':') >= 0) {
            return bind.replace("0", "").replace(":", "").isEmpty() ? "[::1]" : "[" + bind + "]";
        }
        return bind;
    }
}
