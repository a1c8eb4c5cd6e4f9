package dev.tether.protocol.bench;

import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.text.ExpositionFormat;
import dev.tether.protocol.text.ExpositionParser;
import dev.tether.protocol.text.ParseException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parser throughput on {@link AgentBody}, reported in lines per second: one operation is one line,
 * through {@link OperationsPerInvocation}. Compiled and run only by the {@code bench} profile:
 *
 * <pre>cd /work/main &amp;&amp; mvn -B -pl protocol -Pbench verify</pre>
 *
 * Kept short (2 forks, 6 warm-ups and 5 measurements of 2 s: under a minute) because the CI machine
 * is shared. The serial collector runs garbage collection on the benchmark's own thread, so the
 * figure is what one core does, allocation included, rather than one thread helped by a concurrent
 * collector on the other core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseSerialGC"})
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParserBenchmark {
    private final byte[] text = AgentBody.text().getBytes(StandardCharsets.UTF_8);

    @Benchmark
    @OperationsPerInvocation(AgentBody.LINES)
    public List<MetricFamily> parseText004() throws ParseException {
        return ExpositionParser.parse(text, ExpositionFormat.TEXT_004);
    }
}
