package dev.tether.agent.instrument.recording;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.log.AgentLog;
import dev.tether.agent.log.LogLevel;
import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class InstrumentationMetricsTest {
    private final CollectorRegistry registry = new CollectorRegistry();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final InstrumentationMetrics metrics = new InstrumentationMetrics(registry, new String[] {"http-server", "http-client", "jdbc", "executors", "logging"},
            new boolean[] {true, false, true, false, false}, 2, new AgentLog(LogLevel.INFO, new PrintStream(err, true, StandardCharsets.UTF_8)));

    @Test
    void httpServer_moreRoutesThanAllowed_foldIntoOtherAndCountOverflow() {
        for (String path : new String[] {"/a/1", "/b", "/c/3", "/d", "/a/2"}) {
            metrics.httpServer(1_000_000, "GET", 200, "/", path, null);
        }
        assertThat(count("http_server_requests_seconds_count", "GET", "200", "/a")).isEqualTo(2.0);
        assertThat(count("http_server_requests_seconds_count", "GET", "200", "/b")).isEqualTo(1.0);
        assertThat(count("http_server_requests_seconds_count", "GET", "200", "other")).isEqualTo(2.0);
        assertThat(registry.getSampleValue("tether_agent_label_overflow_total", new String[] {"family"},
                new String[] {"http_server_requests_seconds"})).isEqualTo(2.0);
    }

    @Test
    void httpServer_contextPathAndOddMethod_routeIsContextMethodIsOther() {
        metrics.httpServer(1_000_000, "BREW", 404, "/api", "/api/x/y", null);
        assertThat(count("http_server_requests_seconds_count", "other", "404", "/api")).isEqualTo(1.0);
    }

    @Test
    void httpServer_thrownBeforeAResponse_is500() {
        metrics.httpServer(1_000_000, "POST", -1, "/", "/pay", new IllegalStateException());
        assertThat(count("http_server_requests_seconds_count", "POST", "500", "/pay")).isEqualTo(1.0);
    }

    @Test
    void jdbc_preparedStatement_usesTheOperationItWasPreparedWith() {
        Object statement = new Object();
        metrics.jdbcPrepared(statement, " /* x */ UPDATE t SET a = 1");
        metrics.jdbc(1_000, statement, null, null);
        metrics.jdbc(1_000, new Object(), "with x as (select 1) select * from x", new RuntimeException());
        metrics.jdbc(1_000, new Object(), null, null);
        assertThat(registry.getSampleValue("jdbc_statements_seconds_count", new String[] {"operation", "outcome"},
                new String[] {"update", "success"})).isEqualTo(1.0);
        assertThat(registry.getSampleValue("jdbc_statements_seconds_count", new String[] {"operation", "outcome"},
                new String[] {"select", "error"})).isEqualTo(1.0);
        assertThat(registry.getSampleValue("jdbc_statements_seconds_count", new String[] {"operation", "outcome"},
                new String[] {"other", "success"})).isEqualTo(1.0);
    }

    @Test
    void failed_countsTheInstrumentationAndLogsOneLine() {
        metrics.failed(TetherBridge.JDBC, new NoSuchMethodError("x"));
        assertThat(registry.getSampleValue("tether_agent_instrumentation_errors_total", new String[] {"instrumentation"},
                new String[] {"jdbc"})).isEqualTo(1.0);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("tether-agent: instrumentation 'jdbc' failed and is off (java.lang.NoSuchMethodError: x)\n");
    }

    @Test
    void constructor_onlyInstalledFamiliesAreRegistered() {
        assertThat(registry.metricFamilySamples().asIterator()).toIterable()
                .extracting(f -> f.name)
                .contains("http_server_requests_seconds", "jdbc_statements_seconds")
                .doesNotContain("http_client_requests_seconds");
    }

    private Double count(String name, String method, String status, String route) {
        return registry.getSampleValue(name, new String[] {"method", "status", "route"}, new String[] {method, status, route});
    }

    @Test
    void urlConnection_eachEnding_statusOrErrorCountedOnce() throws Exception {
        CollectorRegistry own = new CollectorRegistry();
        InstrumentationMetrics m = installedAlone(own, TetherBridge.HTTP_CLIENT);
        java.net.HttpURLConnection ok = (java.net.HttpURLConnection) java.net.URI.create("http://127.0.0.1:8080/a").toURL().openConnection();
        m.urlConnectionStarted(ok, 0);
        m.urlConnection(500_000_000, 1_000_000_000, ok, false, -1, null);
        m.urlConnection(500_000_000, 1_000_000_000, ok, true, 200, null);
        m.urlConnection(1_500_000_000, 2_000_000_000, ok, true, 200, null);
        java.net.HttpURLConnection missing = (java.net.HttpURLConnection) java.net.URI.create("http://h/b").toURL().openConnection();
        m.urlConnection(0, 1, missing, true, 404, new java.io.FileNotFoundException("http://h/b"));
        java.net.HttpURLConnection refused = (java.net.HttpURLConnection) java.net.URI.create("http://h:1/").toURL().openConnection();
        refused.setRequestMethod("POST");
        m.urlConnection(0, 1, refused, false, -1, new java.net.ConnectException());
        m.urlConnection(0, 1, refused, true, -1, new java.net.ConnectException());
        String[] labels = {"method", "host", "status"};
        assertThat(own.getSampleValue("http_client_requests_seconds_count", labels, new String[] {"GET", "127.0.0.1:8080", "200"})).isEqualTo(1.0);
        assertThat(own.getSampleValue("http_client_requests_seconds_sum", labels, new String[] {"GET", "127.0.0.1:8080", "200"})).isEqualTo(1.0);
        assertThat(own.getSampleValue("http_client_requests_seconds_count", labels, new String[] {"GET", "h", "404"})).isEqualTo(1.0);
        assertThat(own.getSampleValue("http_client_requests_seconds_count", labels, new String[] {"POST", "h:1", "error"})).isEqualTo(1.0);
    }

    @Test
    void method_successAndError_seriesPerClassMethodOutcome() {
        CollectorRegistry own = new CollectorRegistry();
        InstrumentationMetrics m = installedAlone(own, TetherBridge.METHODS);
        m.method(2_000_000, "com.acme.Billing", "charge", null);
        m.method(2_000_000, "com.acme.Billing", "charge", null);
        m.method(2_000_000, "com.acme.Billing", "charge", new IllegalStateException());
        m.method(2_000_000, "com.acme.Billing", "refund", null);
        String[] labels = {"class", "method", "outcome"};
        assertThat(own.getSampleValue("method_seconds_count", labels, new String[] {"com.acme.Billing", "charge", "success"})).isEqualTo(2.0);
        assertThat(own.getSampleValue("method_seconds_count", labels, new String[] {"com.acme.Billing", "charge", "error"})).isEqualTo(1.0);
        assertThat(own.getSampleValue("method_seconds_count", labels, new String[] {"com.acme.Billing", "refund", "success"})).isEqualTo(1.0);
        assertThat(own.getSampleValue("method_seconds_count", labels, new String[] {"com.acme.Billing", "refund", "error"})).isNull();
    }

    private InstrumentationMetrics installedAlone(CollectorRegistry own, int bridgeId) {
        boolean[] installed = new boolean[TetherBridge.COUNT];
        installed[bridgeId] = true;
        return new InstrumentationMetrics(own, new String[TetherBridge.COUNT], installed, 10, new AgentLog(LogLevel.QUIET, new PrintStream(err, true, StandardCharsets.UTF_8)));
    }
}
