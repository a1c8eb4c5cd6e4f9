package dev.tether.protocol.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.tether.protocol.text.ExpositionFormat;
import dev.tether.protocol.text.ExpositionParser;
import dev.tether.protocol.text.ParseException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Parser throughput in lines per CPU-second of the whole JVM: the benchmark's thread, the serial
 * collector and the JIT together. On a machine other people's processes share, JMH's wall-clock
 * figure counts the time this JVM waited for a core; this one does not, so it is the "one core"
 * figure the bar speaks of. Run by the {@code bench} profile after {@link ParserBenchmark}, with
 * {@code -XX:+UseSerialGC} so that all the work is on one core at a time:
 * {@code java -XX:+UseSerialGC -cp ... dev.tether.protocol.bench.ParserCpuThroughput [seconds]}.
 */
public final class ParserCpuThroughput {
    private ParserCpuThroughput() {
    }

    public static void main(String[] args) throws ParseException {
        int windows = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        byte[] body = AgentBody.text().getBytes(StandardCharsets.UTF_8);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long sink = 0;
        long warmEnd = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            sink += ExpositionParser.parse(body, ExpositionFormat.TEXT_004).size();
        }
        double[] rates = new double[windows];
        for (int w = 0; w < windows; w++) {
            long cpu0 = os.getProcessCpuTime();
            long end = System.nanoTime() + 2_000_000_000L;
            long parses = 0;
            while (System.nanoTime() < end) {
                sink += ExpositionParser.parse(body, ExpositionFormat.TEXT_004).size();
                parses++;
            }
            rates[w] = parses * (double) AgentBody.LINES / ((os.getProcessCpuTime() - cpu0) / 1e9);
            System.out.printf(Locale.ROOT, "window %d: %.2f M lines per CPU-second%n", w + 1, rates[w] / 1e6);
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "median: %.2f M lines per CPU-second (%d windows of 2 s; %d)%n",
                rates[windows / 2] / 1e6, windows, sink % 10);
    }
}
