package dev.tether.agent.metrics;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.hotspot.StandardExports;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessExportsTest {
    @Test
    void collect_linux_sameFamiliesHelpAndTypesAsSimpleclientsStandardExports() {
        Map<String, MetricFamilySamples> ours = byName(new ProcessExports().collect());
        Map<String, MetricFamilySamples> theirs = byName(new StandardExports().collect());
        assertThat(ours.keySet()).containsExactlyInAnyOrderElementsOf(theirs.keySet()).hasSize(6);
        for (String name : theirs.keySet()) {
            assertThat(ours.get(name).help).as(name).isEqualTo(theirs.get(name).help);
            assertThat(ours.get(name).type).as(name).isEqualTo(theirs.get(name).type);
            assertThat(ours.get(name).samples).as(name).hasSize(1);
            assertThat(ours.get(name).samples.get(0).name).as(name).isEqualTo(theirs.get(name).samples.get(0).name);
        }
    }

    @Test
    void collect_values_matchWhatTheJvmSays() {
        Map<String, MetricFamilySamples> ours = byName(new ProcessExports().collect());
        double start = ManagementFactory.getRuntimeMXBean().getStartTime() / 1000.0;
        assertThat(value(ours, "process_start_time_seconds")).isEqualTo(start);
        assertThat(value(ours, "process_cpu_seconds")).isPositive();
        assertThat(value(ours, "process_open_fds")).isPositive();
        assertThat(value(ours, "process_max_fds")).isGreaterThanOrEqualTo(value(ours, "process_open_fds"));
        // Within 64 MB of what simpleclient reads from the same file a moment later.
        double rss = value(byName(new StandardExports().collect()), "process_resident_memory_bytes");
        assertThat(value(ours, "process_resident_memory_bytes")).isPositive().isCloseTo(rss, org.assertj.core.data.Offset.offset(64e6));
        assertThat(value(ours, "process_virtual_memory_bytes")).isGreaterThan(value(ours, "process_resident_memory_bytes"));
    }

    @Test
    void kilobytes_statusLines_numberAfterTheKeyAtALineStart() {
        byte[] status = "Name:\tjava\nVmPeak:\t 100 kB\nVmSize:\t  9188872 kB\nXVmRSS:\t1 kB\nVmRSS:\t   47948 kB\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(ProcessExports.kilobytes(status, status.length, "VmSize:".getBytes(StandardCharsets.US_ASCII))).isEqualTo(9188872L);
        assertThat(ProcessExports.kilobytes(status, status.length, "VmRSS:".getBytes(StandardCharsets.US_ASCII))).isEqualTo(47948L);
        assertThat(ProcessExports.kilobytes(status, status.length, "VmSwap:".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1L);
    }

    @Test
    void kilobytes_truncatedOrEmptyValue_isMinusOne() {
        byte[] status = "VmRSS:\t".getBytes(StandardCharsets.US_ASCII);
        assertThat(ProcessExports.kilobytes(status, status.length, "VmRSS:".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1L);
        assertThat(ProcessExports.kilobytes(status, 3, "VmRSS:".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1L);
        assertThat(ProcessExports.kilobytes(new byte[0], 0, "VmRSS:".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1L);
    }

    private static Map<String, MetricFamilySamples> byName(List<MetricFamilySamples> families) {
        return families.stream().collect(Collectors.toMap(f -> f.name, Function.identity()));
    }

    private static double value(Map<String, MetricFamilySamples> families, String name) {
        return families.get(name).samples.get(0).value;
    }
}
