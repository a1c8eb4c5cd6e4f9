package dev.tether.protocol.bench;

import java.util.Locale;

/**
 * A realistic exposition of about 500 series, shaped like what the Tether agent serves from one JVM:
 * HTTP server and client histograms with labels, JDBC and method histograms, JVM gauges, GC
 * summaries and log counters, in text 0.0.4 as simpleclient writes it. Deterministic, so benchmark
 * runs compare like with like. Shared by the benchmark and the tests that check it parses.
 */
public final class AgentBody {
    /** Lines in {@link #text()}: the benchmark's operations per call. A test checks that it still matches. */
    public static final int LINES = 563;

    private static final String[] BUCKETS = {"0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5",
        "0.75", "1.0", "2.5", "5.0", "7.5", "10.0", "+Inf"};

    private AgentBody() {
    }

    /** The body in text 0.0.4. */
    public static String text() {
        StringBuilder sb = new StringBuilder(128 * 1024);
        long seed = 42;
        String[][] routes = {{"GET", "/api/orders", "200"}, {"GET", "/api/orders/{id}", "200"},
            {"GET", "/api/orders/{id}", "404"}, {"POST", "/api/orders", "201"}, {"POST", "/api/orders", "400"},
            {"GET", "/api/customers", "200"}, {"GET", "/api/customers/{id}", "200"}, {"PUT", "/api/customers/{id}", "204"},
            {"GET", "/health", "200"}, {"GET", "/metrics", "200"}, {"DELETE", "/api/orders/{id}", "204"},
            {"GET", "/static/**", "304"}, {"GET", "other", "404"}, {"POST", "/api/login", "200"},
            {"POST", "/api/login", "401"}, {"GET", "/api/products", "200"}, {"GET", "/api/products/{id}", "200"}};
        sb.append("# HELP http_server_requests_seconds Duration of HTTP server requests.\n");
        sb.append("# TYPE http_server_requests_seconds histogram\n");
        for (String[] r : routes) {
            String labels = "method=\"" + r[0] + "\",route=\"" + r[1] + "\",status=\"" + r[2] + "\"";
            seed = histogram(sb, "http_server_requests_seconds", labels, seed);
        }
        sb.append("# HELP http_client_requests_seconds Duration of outgoing HTTP requests.\n");
        sb.append("# TYPE http_client_requests_seconds histogram\n");
        String[] hosts = {"payments.internal", "inventory.internal", "api.github.com"};
        for (String h : hosts) {
            seed = histogram(sb, "http_client_requests_seconds", "method=\"GET\",host=\"" + h + "\",status=\"200\"", seed);
        }
        sb.append("# HELP jdbc_statements_seconds Duration of JDBC statements.\n");
        sb.append("# TYPE jdbc_statements_seconds histogram\n");
        for (String op : new String[] {"select", "insert", "update", "delete"}) {
            seed = histogram(sb, "jdbc_statements_seconds", "operation=\"" + op + "\"", seed);
        }
        sb.append("# HELP log_events_total Log events by level.\n");
        sb.append("# TYPE log_events_total counter\n");
        for (String level : new String[] {"error", "warn", "info", "debug", "trace"}) {
            seed = next(seed);
            sb.append("log_events_total{level=\"").append(level).append("\"} ").append(seed % 100000).append(".0\n");
        }
        String[] pools = {"Code Cache", "Metaspace", "Compressed Class Space", "G1 Eden Space", "G1 Old Gen",
            "G1 Survivor Space", "CodeHeap 'non-nmethods'", "CodeHeap 'profiled nmethods'"};
        for (String metric : new String[] {"jvm_memory_pool_bytes_used", "jvm_memory_pool_bytes_committed",
            "jvm_memory_pool_bytes_max", "jvm_memory_pool_bytes_init"}) {
            sb.append("# HELP ").append(metric).append(" Memory pool statistic.\n");
            sb.append("# TYPE ").append(metric).append(" gauge\n");
            for (String p : pools) {
                seed = next(seed);
                sb.append(metric).append("{pool=\"").append(p).append("\"} ").append(seed % 500_000_000L).append(".0\n");
            }
        }
        for (String metric : new String[] {"jvm_memory_bytes_used", "jvm_memory_bytes_committed", "jvm_memory_bytes_max"}) {
            sb.append("# HELP ").append(metric).append(" Memory by area.\n");
            sb.append("# TYPE ").append(metric).append(" gauge\n");
            for (String area : new String[] {"heap", "nonheap"}) {
                seed = next(seed);
                sb.append(metric).append("{area=\"").append(area).append("\"} ").append(seed % 2_000_000_000L).append(".0\n");
            }
        }
        sb.append("# HELP jvm_gc_collection_seconds Time spent in a given JVM garbage collector in seconds.\n");
        sb.append("# TYPE jvm_gc_collection_seconds summary\n");
        for (String gc : new String[] {"G1 Young Generation", "G1 Old Generation", "G1 Concurrent GC"}) {
            seed = next(seed);
            sb.append("jvm_gc_collection_seconds_count{gc=\"").append(gc).append("\"} ").append(seed % 1000).append(".0\n");
            sb.append("jvm_gc_collection_seconds_sum{gc=\"").append(gc).append("\"} ").append(fraction(seed)).append('\n');
        }
        String[] gauges = {"jvm_threads_current", "jvm_threads_daemon", "jvm_threads_peak", "jvm_classes_loaded",
            "process_cpu_seconds_total", "process_start_time_seconds", "process_open_fds", "process_max_fds",
            "process_virtual_memory_bytes", "process_resident_memory_bytes", "jvm_classes_unloaded_total"};
        for (String g : gauges) {
            seed = next(seed);
            sb.append("# HELP ").append(g).append(" A JVM or process figure.\n");
            sb.append("# TYPE ").append(g).append(g.endsWith("_total") ? " counter\n" : " gauge\n");
            sb.append(g).append(' ').append(fraction(seed)).append('\n');
        }
        sb.append("# HELP jvm_threads_state Current count of threads by state.\n");
        sb.append("# TYPE jvm_threads_state gauge\n");
        for (String st : new String[] {"NEW", "RUNNABLE", "BLOCKED", "WAITING", "TIMED_WAITING", "TERMINATED"}) {
            seed = next(seed);
            sb.append("jvm_threads_state{state=\"").append(st).append("\"} ").append(seed % 200).append(".0\n");
        }
        sb.append("# HELP jvm_buffer_pool_used_bytes Used bytes of a given JVM buffer pool.\n");
        sb.append("# TYPE jvm_buffer_pool_used_bytes gauge\n");
        for (String pool : new String[] {"direct", "mapped", "mapped - 'non-volatile memory'"}) {
            seed = next(seed);
            sb.append("jvm_buffer_pool_used_bytes{pool=\"").append(pool).append("\"} ").append(seed % 100000).append(".0\n");
        }
        sb.append("# HELP method_seconds Duration of configured methods.\n");
        sb.append("# TYPE method_seconds histogram\n");
        for (String m : new String[] {"charge", "refund"}) {
            seed = histogram(sb, "method_seconds", "class=\"com.acme.Billing\",method=\"" + m + "\"", seed);
        }
        return sb.toString();
    }

    private static long histogram(StringBuilder sb, String name, String labels, long seed) {
        long count = 0;
        for (String le : BUCKETS) {
            seed = next(seed);
            count += seed % 50;
            sb.append(name).append("_bucket{").append(labels).append(",le=\"").append(le).append("\"} ")
                    .append(count).append(".0\n");
        }
        seed = next(seed);
        sb.append(name).append("_count{").append(labels).append("} ").append(count).append(".0\n");
        sb.append(name).append("_sum{").append(labels).append("} ").append(fraction(seed)).append('\n');
        return seed;
    }

    private static String fraction(long seed) {
        return String.format(Locale.ROOT, "%.6f", (seed % 10_000_000) / 1000.0);
    }

    private static long next(long seed) {
        // A fixed LCG: the same body on every run and every machine.
        return (seed * 6364136223846793005L + 1442695040888963407L) >>> 1;
    }
}
