package dev.tether.agent.metrics;

import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code process_*} metrics, with simpleclient's names, help and types, in place of its
 * {@code StandardExports}: that one reads the OS bean by reflection (on JDK 18+ each reflective method
 * generates an accessor when first called) and {@code /proc/self/status} through a fresh
 * {@code BufferedReader}, some 45 KB of garbage per scrape, a third of the whole scrape's. Here the bean is
 * called directly and the file read into one reused buffer.
 */
final class ProcessExports extends Collector {
    private static final File STATUS = new File("/proc/self/status");
    private static final byte[] VM_SIZE = "VmSize:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VM_RSS = "VmRSS:".getBytes(StandardCharsets.US_ASCII);

    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private final double startTimeSeconds = ManagementFactory.getRuntimeMXBean().getStartTime() / 1000.0;
    private final byte[] status = new byte[8192];

    @Override
    public List<MetricFamilySamples> collect() {
        List<MetricFamilySamples> families = new ArrayList<MetricFamilySamples>(6);
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            long cpuNanos = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
            if (cpuNanos >= 0) {
                families.add(new CounterMetricFamily("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.",
                        cpuNanos / 1e9));
            }
        }
        families.add(new GaugeMetricFamily("process_start_time_seconds", "Start time of the process since unix epoch in seconds.",
                startTimeSeconds));
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean) {
            com.sun.management.UnixOperatingSystemMXBean unix = (com.sun.management.UnixOperatingSystemMXBean) os;
            families.add(new GaugeMetricFamily("process_open_fds", "Number of open file descriptors.", unix.getOpenFileDescriptorCount()));
            families.add(new GaugeMetricFamily("process_max_fds", "Maximum number of open file descriptors.", unix.getMaxFileDescriptorCount()));
        }
        addMemory(families);
        return families;
    }

    /** {@code VmSize} and {@code VmRSS} of {@code /proc/self/status} (Linux only; elsewhere left out, as simpleclient does). */
    private synchronized void addMemory(List<MetricFamilySamples> families) {
        int length = readStatus();
        if (length <= 0) {
            return;
        }
        long size = kilobytes(status, length, VM_SIZE);
        long rss = kilobytes(status, length, VM_RSS);
        if (size >= 0) {
            families.add(new GaugeMetricFamily("process_virtual_memory_bytes", "Virtual memory size in bytes.", size * 1024.0));
        }
        if (rss >= 0) {
            families.add(new GaugeMetricFamily("process_resident_memory_bytes", "Resident memory size in bytes.", rss * 1024.0));
        }
    }

    private int readStatus() {
        if (!STATUS.isFile()) {
            return -1;
        }
        try (InputStream in = new FileInputStream(STATUS)) {
            int length = 0;
            int n;
            while (length < status.length && (n = in.read(status, length, status.length - length)) > 0) {
                length += n;
            }
            return length;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The number after {@code key} at the start of a line ({@code VmRSS:\t  47948 kB}), or -1. */
    static long kilobytes(byte[] text, int length, byte[] key) {
        for (int line = 0; line < length; ) {
            if (startsWith(text, line, length, key)) {
                int i = line + key.length;
                while (i < length && (text[i] == ' ' || text[i] == '\t')) {
                    i++;
                }
                long value = 0;
                int digits = 0;
                while (i < length && text[i] >= '0' && text[i] <= '9') {
                    value = value * 10 + (text[i++] - '0');
                    digits++;
                }
                return digits == 0 ? -1 : value;
            }
            while (line < length && text[line] != '\n') {
                line++;
            }
            line++;
        }
        return -1;
    }

    private static boolean startsWith(byte[] text, int at, int length, byte[] key) {
        if (at + key.length > length) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (text[at + i] != key[i]) {
                return false;
            }
        }
        return true;
    }
}
