package dev.tether.agent.instrument.recording;

import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The pools of {@code executors}, held weakly: a pool the app drops is collected and leaves the metrics.
 * A pool is named after the class that created it (the first frame outside {@code java.util.concurrent}
 * and the pool's own constructors), so the name is the same from one run to the next; pools with one
 * name are summed. The gauges are read on each scrape.
 */
final class ExecutorMetrics extends Collector {
    private final Map<ThreadPoolExecutor, String> pools = Collections.synchronizedMap(new WeakHashMap<ThreadPoolExecutor, String>());
    private final LabelLimiter names;
    private final Counter rejected;

    ExecutorMetrics(CollectorRegistry registry, LabelLimiter names) {
        this.names = names;
        this.rejected = Counter.build().name("executor_rejected_tasks_total")
                .help("Tasks a ThreadPoolExecutor rejected, by pool.").labelNames("pool").register(registry);
        register(registry);
    }

    void created(Object pool) {
        if (!(pool instanceof ThreadPoolExecutor)) {
            return;
        }
        ThreadPoolExecutor executor = (ThreadPoolExecutor) pool;
        synchronized (pools) {
            if (!pools.containsKey(executor)) {
                // A pool's constructors chain, each one's exit advice reports it: only the first names it.
                pools.put(executor, names.bound(creator()));
            }
        }
    }

    void rejected(Object pool) {
        String name = pools.get(pool);
        rejected.labels(name != null ? name : "unknown").inc();
    }

    private static String creator() {
        for (StackTraceElement frame : new Throwable().getStackTrace()) {
            String cls = frame.getClassName();
            if (!cls.startsWith("java.util.concurrent.") && !cls.startsWith("dev.tether.agent.bootstrap.")
                    && !cls.startsWith("dev.tether.agent.instrument.") && !frame.getMethodName().equals("<init>")) {
                return cls;
            }
        }
        return "unknown";
    }

    @Override
    public List<MetricFamilySamples> collect() {
        Map<String, long[]> byName = new TreeMap<String, long[]>();
        List<Map.Entry<ThreadPoolExecutor, String>> snapshot;
        synchronized (pools) {
            snapshot = new ArrayList<Map.Entry<ThreadPoolExecutor, String>>(pools.entrySet());
        }
        for (Map.Entry<ThreadPoolExecutor, String> e : snapshot) {
            ThreadPoolExecutor pool = e.getKey();
            if (pool == null) {
                continue;
            }
            long[] sums = byName.get(e.getValue());
            if (sums == null) {
                sums = new long[3];
                byName.put(e.getValue(), sums);
            }
            sums[0] += pool.getActiveCount();
            sums[1] += pool.getQueue().size();
            sums[2] += pool.getCompletedTaskCount();
        }
        List<String> labels = Collections.singletonList("pool");
        GaugeMetricFamily active = new GaugeMetricFamily("executor_active_threads", "Threads running a task, by pool.", labels);
        GaugeMetricFamily queued = new GaugeMetricFamily("executor_queued_tasks", "Tasks waiting in the queue, by pool.", labels);
        CounterMetricFamily completed = new CounterMetricFamily("executor_completed_tasks", "Tasks completed, by pool.", labels);
        for (Map.Entry<String, long[]> e : byName.entrySet()) {
            List<String> value = Collections.singletonList(e.getKey());
            active.addMetric(value, e.getValue()[0]);
            queued.addMetric(value, e.getValue()[1]);
            completed.addMetric(value, e.getValue()[2]);
        }
        List<MetricFamilySamples> families = new ArrayList<MetricFamilySamples>(3);
        families.add(active);
        families.add(queued);
        families.add(completed);
        return families;
    }
}
