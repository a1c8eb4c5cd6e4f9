package benchmark;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cost of one instrumented call. Run by agent/bench/jmh.sh twice: without the agent ("bare") and with
 * {@code -javaagent:tether-agent.jar=instrument=all}; the difference is the instrumentation.
 * Package {@code benchmark}, not {@code dev.tether.agent}: the agent never instruments its own packages.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InstrumentedCallBench {
    private final HttpHandler handler = exchange -> exchange.sendResponseHeaders(200, -1);
    private Filter.Chain chain;
    private FakeExchange exchange;
    private final FakeStatement statement = new FakeStatement();

    @Setup
    public void setUp() {
        chain = new Filter.Chain(List.of(), handler);
        exchange = new FakeExchange();
    }

    /** Servlet-like: the JDK server's dispatch of one request through its filter chain to a handler. */
    @Benchmark
    public int serverDispatch() throws Exception {
        chain.doFilter(exchange);
        return exchange.getResponseCode();
    }

    private final io.prometheus.client.Histogram histogram = io.prometheus.client.Histogram.build()
            .name("baseline_seconds").help("baseline").labelNames("method", "status", "route").create();

    /** What simpleclient itself costs for one observation with three labels: the floor of any recording. */
    @Benchmark
    public void simpleclientObserve() {
        histogram.labels("GET", "200", "/api").observe(1e-4);
    }

    /** JDBC-like: a driver's {@code Statement.executeQuery}. */
    @Benchmark
    public ResultSet jdbcExecuteQuery() throws SQLException {
        return statement.executeQuery("SELECT id, name FROM item WHERE id = 7");
    }
}
