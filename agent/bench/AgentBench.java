import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Starts the same trivial app bare, with the Tether agent, with the OpenTelemetry Java agent and with
 * jmx_exporter, interleaved over several rounds, and prints the medians as a Markdown table.
 *
 * <p>Run through {@code agent/bench/run.sh}, which builds and fetches what this needs. Per round and
 * variant: one run whose main returns at once (wall time from process start to exit: the start-up
 * cost), and one run that stays up, is scraped 10 + 20 times (the first ten warm it up; the very first
 * is reported apart), and whose peak RSS (VmHWM) is then read.
 */
public final class AgentBench {
    private static final int WARM_SCRAPES = 10;
    private static final int TIMED_SCRAPES = 20;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final String java = ProcessHandle.current().info().command().orElse("java");
    private final Path target;
    private final Path classes;
    private final Path discovery;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Variant(String name, Path jar, IntFunction<List<String>> jvmArgs) {
    }

    record Served(double readyMs, long peakRssKb, double firstScrapeMs, double scrapeMs, int bodyBytes) {
    }

    private AgentBench(Path target) {
        this.target = target;
        this.classes = target.resolve("bench/classes");
        this.discovery = target.resolve("bench/discovery");
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "agent/target").toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        new AgentBench(target).run(rounds);
    }

    private void run(int rounds) throws Exception {
        Files.createDirectories(discovery);
        Path jmxConfig = target.resolve("bench/jmx_exporter.yaml");
        Files.writeString(jmxConfig, "lowercaseOutputName: false\n");
        Path tether = target.resolve("tether-agent.jar");
        Path otel = target.resolve("bench/opentelemetry-javaagent.jar");
        Path jmx = target.resolve("bench/jmx_prometheus_javaagent.jar");

        List<Variant> variants = List.of(
                new Variant("bare", null, port -> List.of()),
                // The default instruments everything the app uses; instrument=none shows what the JVM
                // metrics and the endpoint cost alone.
                new Variant("tether", tether, port -> List.of("-javaagent:" + tether + "=discovery.dir=" + discovery)),
                new Variant("tether instrument=none", tether,
                        port -> List.of("-javaagent:" + tether + "=discovery.dir=" + discovery + ",instrument=none")),
                new Variant("otel " + version(otel), otel, port -> List.of("-javaagent:" + otel,
                        "-Dotel.metrics.exporter=prometheus", "-Dotel.exporter.prometheus.host=127.0.0.1",
                        "-Dotel.exporter.prometheus.port=" + port, "-Dotel.traces.exporter=none", "-Dotel.logs.exporter=none")),
                new Variant("jmx_exporter " + version(jmx), jmx, port -> List.of("-javaagent:" + jmx + "=127.0.0.1:" + port + ":" + jmxConfig)));

        Map<Variant, List<Double>> startMs = new LinkedHashMap<>();
        Map<Variant, List<Served>> served = new LinkedHashMap<>();
        for (Variant v : variants) {
            startMs.put(v, new ArrayList<>());
            served.put(v, new ArrayList<>());
        }
        System.err.printf("agent benchmark: %d rounds on %s (java %s)%n", rounds, java, System.getProperty("java.version"));
        long began = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            // Interleaved, and each round starts with a different variant, so drift hits all alike.
            for (int i = 0; i < variants.size(); i++) {
                Variant v = variants.get((round + i) % variants.size());
                startMs.get(v).add(startUp(v));
                served.get(v).add(serve(v));
            }
            System.err.printf("round %d/%d done after %.0f s%n", round + 1, rounds, (System.nanoTime() - began) / 1e9);
        }
        report(rounds, variants, startMs, served);
    }

    /** Wall time of a JVM whose main returns at once, from process start to exit. */
    private double startUp(Variant v) throws Exception {
        List<String> command = command(v, freePort(), "exit");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(v.name + " did not exit");
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /** A JVM that stays up: time until its endpoint answers, scrape time, then its peak RSS. */
    private Served serve(Variant v) throws Exception {
        int port = freePort();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command(v, port, "serve")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("up")) {
                // Agents may print to stdout before the app does.
            }
            double readyMs = Double.NaN;
            double scrapeMs = Double.NaN;
            double firstScrapeMs = Double.NaN;
            int bytes = 0;
            if (v.jar != null) {
                String url = awaitEndpoint(v, p, port);
                readyMs = (System.nanoTime() - t0) / 1e6;
                long f = System.nanoTime();
                scrape(url);
                firstScrapeMs = (System.nanoTime() - f) / 1e6;
                for (int i = 1; i < WARM_SCRAPES; i++) {
                    bytes = scrape(url);
                }
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < TIMED_SCRAPES; i++) {
                    long s = System.nanoTime();
                    scrape(url);
                    times.add((System.nanoTime() - s) / 1e6);
                }
                scrapeMs = median(times);
            } else {
                Thread.sleep(300);
            }
            long rss = peakRssKb(p.pid());
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(v.name + " did not exit after stdin closed");
            }
            return new Served(readyMs, rss, firstScrapeMs, scrapeMs, bytes);
        } finally {
            p.destroyForcibly();
        }
    }

    private List<String> command(Variant v, int port, String mode) {
        List<String> c = new ArrayList<>();
        c.add(java);
        c.addAll(v.jvmArgs.apply(port));
        c.addAll(List.of("-cp", classes.toString(), "TrivialApp", mode));
        return c;
    }

    /** Ours announces its URL in the discovery file; the others listen on the port they were given. */
    private String awaitEndpoint(Variant v, Process p, int port) throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Path file = discovery.resolve(p.pid() + ".json");
        while (System.nanoTime() < deadline) {
            if (v.name.startsWith("tether")) {
                if (Files.exists(file)) {
                    Matcher m = Pattern.compile("\"url\":\"([^\"]+)\"").matcher(Files.readString(file));
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            } else {
                // Only a connect: a scrape here would be the first one, which is measured on its own.
                try (java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                    return "http://127.0.0.1:" + port + "/metrics";
                } catch (IOException e) {
                    // Not up yet.
                }
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException(v.name + ": no endpoint within " + READY_TIMEOUT);
    }

    private int scrape(String url) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200 || r.body().length == 0) {
            throw new IOException(url + " answered " + r.statusCode());
        }
        return r.body().length;
    }

    private static long peakRssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmHWM for " + pid);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String version(Path jar) {
        Matcher m = Pattern.compile("(\\d+\\.\\d+\\.\\d+)").matcher(jar.getFileName().toString());
        return m.find() ? m.group(1) : "";
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(d -> !d.isNaN()).sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private void report(int rounds, List<Variant> variants, Map<Variant, List<Double>> startMs, Map<Variant, List<Served>> served)
            throws IOException {
        Variant bare = variants.get(0);
        double bareStart = median(startMs.get(bare));
        double bareRss = median(served.get(bare).stream().map(s -> (double) s.peakRssKb).toList()) / 1024;
        StringBuilder md = new StringBuilder();
        md.append("| variant | start-up, trivial main | overhead | peak RSS, serving | overhead | scrape time | first scrape | endpoint up after | scrape size | jar size |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Variant v : variants) {
            double start = median(startMs.get(v));
            double rss = median(served.get(v).stream().map(s -> (double) s.peakRssKb).toList()) / 1024;
            double scrape = median(served.get(v).stream().map(Served::scrapeMs).toList());
            double first = median(served.get(v).stream().map(Served::firstScrapeMs).toList());
            double ready = median(served.get(v).stream().map(Served::readyMs).toList());
            double bytes = median(served.get(v).stream().map(s -> (double) s.bodyBytes).toList());
            boolean isBare = v == bare;
            md.append(String.format("| %s | %.0f ms | %s | %.1f MB | %s | %s | %s | %s | %s | %s |%n", v.name, start,
                    isBare ? "" : String.format("%+.0f ms", start - bareStart), rss,
                    isBare ? "" : String.format("%+.1f MB", rss - bareRss),
                    isBare ? "" : String.format("%.1f ms", scrape),
                    isBare ? "" : String.format("%.0f ms", first),
                    isBare ? "" : String.format("%.0f ms", ready),
                    isBare ? "" : String.format("%.0f KB", bytes / 1024),
                    isBare ? "" : String.format("%.2f MB", Files.size(v.jar) / 1e6)));
        }
        md.append(String.format("%nMedians of %d interleaved rounds; java %s (%s); %s; %s; load average at the end: %s.%n",
                rounds, System.getProperty("java.version"), java, cpu(), Instant.now().toString().substring(0, 16) + "Z",
                Files.readString(Path.of("/proc/loadavg")).trim()));
        System.out.print(md);
        Files.writeString(target.resolve("bench/results.md"), md);
    }

    private static String cpu() throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            String model = lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown cpu");
            return Runtime.getRuntime().availableProcessors() + " cores, " + model;
        }
    }
}
