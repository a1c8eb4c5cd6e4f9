package dev.tether.agent.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Predicate;
import io.prometheus.client.hotspot.BufferPoolsExports;
import io.prometheus.client.hotspot.ClassLoadingExports;
import io.prometheus.client.hotspot.GarbageCollectorExports;
import io.prometheus.client.hotspot.MemoryAllocationExports;
import io.prometheus.client.hotspot.MemoryPoolsExports;
import io.prometheus.client.hotspot.ThreadExports;
import io.prometheus.client.hotspot.VersionInfoExports;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * The JVM metrics, set up on the first scrape rather than at start-up.
 *
 * <p>Two reasons. simpleclient_hotspot's {@code BufferPoolsExports} creates a
 * {@code java.util.logging} logger when it loads, which initialises the {@code LogManager}: done before
 * the app's {@code main} sets {@code java.util.logging.manager} (JBoss LogManager, WildFly, Quarkus), it
 * would leave the app with the wrong log manager. And they load some 400 JDK classes, work that needs
 * not compete with the app's own start. Their values are read at scrape time anyway; the one exception,
 * {@code jvm_memory_pool_allocated_bytes_total}, counts from the first scrape on.
 */
final class JvmCollectors extends Collector {
    private volatile CollectorRegistry jvm;

    @Override
    public List<MetricFamilySamples> collect() {
        return collect(null);
    }

    @Override
    public List<MetricFamilySamples> collect(Predicate<String> sampleNameFilter) {
        CollectorRegistry registry = registry();
        Enumeration<MetricFamilySamples> families = sampleNameFilter == null
                ? registry.metricFamilySamples()
                : registry.filteredMetricFamilySamples(sampleNameFilter);
        List<MetricFamilySamples> result = new ArrayList<MetricFamilySamples>();
        while (families.hasMoreElements()) {
            result.add(families.nextElement());
        }
        return result;
    }

    private CollectorRegistry registry() {
        CollectorRegistry registry = jvm;
        if (registry == null) {
            synchronized (this) {
                registry = jvm;
                if (registry == null) {
                    registry = new CollectorRegistry(false);
                    // simpleclient's DefaultExports, but ProcessExports for its StandardExports.
                    new ProcessExports().register(registry);
                    new MemoryPoolsExports().register(registry);
                    new MemoryAllocationExports().register(registry);
                    new BufferPoolsExports().register(registry);
                    new GarbageCollectorExports().register(registry);
                    new ThreadExports().register(registry);
                    new ClassLoadingExports().register(registry);
                    new VersionInfoExports().register(registry);
                    JitExports.forThisJvm().register(registry);
                    jvm = registry;
                }
            }
        }
        return registry;
    }
}
