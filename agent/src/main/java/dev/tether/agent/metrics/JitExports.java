package dev.tether.agent.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code jvm_compilation_time_seconds_total}: time the JIT compiler has spent, which simpleclient_hotspot
 * 0.16 does not export. Named as in Prometheus's client_java 1.x, in base units.
 */
final class JitExports extends Collector {
    private final CompilationMXBean compilation;

    JitExports(CompilationMXBean compilation) {
        this.compilation = compilation;
    }

    static JitExports forThisJvm() {
        return new JitExports(ManagementFactory.getCompilationMXBean());
    }

    @Override
    public List<MetricFamilySamples> collect() {
        // Absent with -Xint, and on JVMs that cannot time their compiler.
        if (compilation == null || !compilation.isCompilationTimeMonitoringSupported()) {
            return Collections.emptyList();
        }
        List<MetricFamilySamples> families = new ArrayList<MetricFamilySamples>(1);
        CounterMetricFamily time = new CounterMetricFamily("jvm_compilation_time_seconds",
                "Time the JIT compiler has spent compiling, in seconds.", Collections.singletonList("compiler"));
        time.addMetric(Collections.singletonList(compilation.getName()), compilation.getTotalCompilationTime() / 1000.0);
        families.add(time);
        return families;
    }
}
