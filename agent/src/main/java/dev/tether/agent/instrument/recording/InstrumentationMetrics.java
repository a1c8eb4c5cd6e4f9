package dev.tether.agent.instrument.recording;

import dev.tether.agent.bootstrap.Sink;
import dev.tether.agent.log.AgentLog;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The metrics of every instrumentation, fed by {@code TetherBridge}. Families are registered only for the
 * instrumentations that are installed. Labels that come from traffic (route, host) are bounded by
 * {@link LabelLimiter}s; the others are constants.
 */
public final class InstrumentationMetrics implements Sink {
    private static final double NANOS_PER_SECOND = 1e9;

    private final String[] names;
    private final AgentLog log;
    private final Counter errors;
    private final Histogram httpServer;
    private final LabelLimiter routes;
    private final Histogram httpClient;
    private final LabelLimiter hosts;
    private final HttpClientAccess clientAccess = new HttpClientAccess();
    private final UrlConnectionExchanges urlExchanges = new UrlConnectionExchanges(UrlConnectionExchanges.MAX_TRACKED);
    private final Histogram jdbc;
    private final ExecutorMetrics executors;
    private final LogMetrics logs;
    private final MethodMetrics methods;
    private final Map<Object, String> preparedOperations = Collections.synchronizedMap(new WeakHashMap<Object, String>());

    /**
     * @param names instrumentation names by bridge id
     * @param installed whether each bridge id is installed (its family is registered)
     */
    public InstrumentationMetrics(CollectorRegistry registry, String[] names, boolean[] installed, int maxLabelValues, AgentLog log) {
        this.names = names.clone();
        this.log = log;
        this.errors = Counter.build().name("tether_agent_instrumentation_errors_total")
                .help("Instrumentations that failed and turned themselves off.")
                .labelNames("instrumentation").register(registry);
        Counter overflow = Counter.build().name("tether_agent_label_overflow_total")
                .help("Label values folded into 'other' because the family already had max.label.values values.")
                .labelNames("family").register(registry);
        if (installed[dev.tether.agent.bootstrap.TetherBridge.HTTP_SERVER]) {
            httpServer = Histogram.build().name("http_server_requests_seconds")
                    .help("HTTP requests served, by method, status and route.")
                    .labelNames("method", "status", "route").register(registry);
            routes = new LabelLimiter(maxLabelValues, overflow, "http_server_requests_seconds");
        } else {
            httpServer = null;
            routes = null;
        }
        if (installed[dev.tether.agent.bootstrap.TetherBridge.HTTP_CLIENT]) {
            httpClient = Histogram.build().name("http_client_requests_seconds")
                    .help("HTTP client calls, by method, host and status ('error' when no response came).")
                    .labelNames("method", "host", "status").register(registry);
            hosts = new LabelLimiter(maxLabelValues, overflow, "http_client_requests_seconds");
        } else {
            httpClient = null;
            hosts = null;
        }
        if (installed[dev.tether.agent.bootstrap.TetherBridge.JDBC]) {
            jdbc = Histogram.build().name("jdbc_statements_seconds")
                    .help("JDBC statements executed, by operation and outcome.")
                    .labelNames("operation", "outcome").register(registry);
        } else {
            jdbc = null;
        }
        executors = installed[dev.tether.agent.bootstrap.TetherBridge.EXECUTORS]
                ? new ExecutorMetrics(registry, new LabelLimiter(maxLabelValues, overflow, "executor")) : null;
        logs = installed[dev.tether.agent.bootstrap.TetherBridge.LOGGING] ? new LogMetrics(registry) : null;
        int methodsId = dev.tether.agent.bootstrap.TetherBridge.METHODS;
        methods = installed.length > methodsId && installed[methodsId] ? new MethodMetrics(registry) : null;
    }

    @Override
    public void logEvent(int framework, Object level) {
        try {
            logs.record(framework, level);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void executorCreated(Object pool) {
        executors.created(pool);
    }

    @Override
    public void executorRejected(Object pool) {
        executors.rejected(pool);
    }

    @Override
    public void httpServer(long nanos, String method, int status, String contextPath, String rawPath, Throwable thrown) {
        // An exception escaping the handler means the client gets a 500 or nothing at all.
        String statusLabel = thrown != null && status < 500 ? "500" : HttpLabels.status(status);
        httpServer.labels(HttpLabels.method(method), statusLabel, routes.bound(HttpLabels.route(contextPath, rawPath)))
                .observe(nanos / NANOS_PER_SECOND);
    }

    @Override
    public void httpClient(long nanos, Object request, Object response, Throwable thrown) {
        String method;
        String host;
        try {
            method = clientAccess.method(request);
            host = HttpLabels.host(clientAccess.uri(request));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        String status;
        if (thrown != null || response == null) {
            status = "error";
        } else {
            try {
                status = HttpLabels.status(clientAccess.status(response));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        httpClient.labels(HttpLabels.method(method), hosts.bound(host), status).observe(nanos / NANOS_PER_SECOND);
    }

    @Override
    public void urlConnectionStarted(Object connection, long nanoTime) {
        urlExchanges.started(connection, nanoTime);
    }

    /** The same family and labels as {@link #httpClient}; a known response code wins over the exception that came with it (a 404's). */
    @Override
    public void urlConnection(long start, long end, Object connection, boolean response, int responseCode, Throwable thrown) {
        if (!response && thrown == null) {
            return;
        }
        long began = urlExchanges.complete(connection, start);
        if (began == UrlConnectionExchanges.COUNTED) {
            return;
        }
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) connection;
        String status = thrown != null && responseCode < 0 ? "error" : HttpLabels.status(responseCode);
        httpClient.labels(HttpLabels.method(c.getRequestMethod()), hosts.bound(HttpLabels.host(c.getURL())), status)
                .observe((end - began) / NANOS_PER_SECOND);
    }

    @Override
    public void method(long nanos, String type, String method, Throwable thrown) {
        methods.record(type, method, thrown != null, nanos / NANOS_PER_SECOND);
    }

    @Override
    public void jdbc(long nanos, Object statement, String sql, Throwable thrown) {
        String operation = sql != null ? SqlOperation.of(sql) : preparedOperations.get(statement);
        jdbc.labels(operation == null ? "other" : operation, thrown == null ? "success" : "error").observe(nanos / NANOS_PER_SECOND);
    }

    @Override
    public void jdbcPrepared(Object statement, String sql) {
        preparedOperations.put(statement, SqlOperation.of(sql));
    }

    @Override
    public void failed(int instrumentation, Throwable t) {
        String name = instrumentation >= 0 && instrumentation < names.length ? names[instrumentation] : "unknown";
        errors.labels(name).inc();
        log.problem("instrumentation '" + name + "' failed and is off (" + t + ")");
    }
}
