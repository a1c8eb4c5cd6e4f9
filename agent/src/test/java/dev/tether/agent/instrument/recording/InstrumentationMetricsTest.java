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
}
