package dev.tether.gateway.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator: pushes 500-series bodies for 1000 hosts to the built gateway jar, then measures
 * steady-state pushes/s, p99 push latency, the time to scrape everything, and the gateway's RSS. The
 * same run measures Debian's {@code prometheus-pushgateway} when it is installed.
 *
 * <p>Run: {@code mvn -B -o -pl gateway-lite -Pbench -DskipTests verify} (options as system
 * properties: {@code -Dbench.hosts=1000 -Dbench.series=500 -Dbench.seconds=20 -Dbench.clients=8
 * -Dbench.targets=tether,pushgateway -Dbench.fillSeconds=240}). Results are printed and written to
 * {@code gateway-lite/target/bench/gateway-bench.md}.
 */
public final class GatewayLoadBench {
    private static final int FAMILIES = 10;

    private final int hosts = Integer.getInteger("bench.hosts", 1000);
    private final int series = Integer.getInteger("bench.series", 500);
    private final int seconds = Integer.getInteger("bench.seconds", 20);
    private final int clients = Integer.getInteger("bench.clients", 8);
    /** The Pushgateway slows down as it fills (each push re-checks its whole store): cap the fill. */
    private final int fillSeconds = Integer.getInteger("bench.fillSeconds", 240);
    private final String tetherJvmOpts = System.getProperty("bench.tetherJvm", "-Xmx160m");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final byte[][] bodies;

    private GatewayLoadBench() {
        bodies = new byte[hosts][];
        for (int h = 0; h < hosts; h++) {
            bodies[h] = body(h);
        }
    }

    public static void main(String[] args) throws Exception {
        GatewayLoadBench bench = new GatewayLoadBench();
        List<String> rows = new ArrayList<>();
        for (String target : System.getProperty("bench.targets", "tether,pushgateway").split(",")) {
            if (target.equals("pushgateway") && !Files.isExecutable(Path.of("/usr/bin/prometheus-pushgateway"))) {
                System.out.println("prometheus-pushgateway is not installed; skipping it");
                continue;
            }
            rows.add(bench.run(target.trim()));
        }
        StringBuilder md = new StringBuilder();
        md.append(String.format("%d hosts x %d series, %d s steady state, %d concurrent clients, %d cores, %s%n%n",
                bench.hosts, bench.series, bench.seconds, bench.clients, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version")));
        md.append("| gateway | hosts filled | fill (s) | pushes/s | p50 push (ms) | p99 push (ms) | errors | scrape (s, best of 3) | series scraped | RSS after (MB) | peak RSS (MB) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> md.append(r).append('\n'));
        System.out.println();
        System.out.println(md);
        Path out = Path.of("target", "bench", "gateway-bench.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
    }

    /** {@code bench_metric_<f>{app="bench",idx="<i>"}}: FAMILIES gauges sharing {@code series} samples. */
    private byte[] body(int host) {
        StringBuilder sb = new StringBuilder(series * 64);
        int perFamily = series / FAMILIES;
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int f = 0; f < FAMILIES; f++) {
            sb.append("# HELP bench_metric_").append(f).append(" A benchmark gauge.\n");
            sb.append("# TYPE bench_metric_").append(f).append(" gauge\n");
            for (int i = 0; i < perFamily; i++) {
                sb.append("bench_metric_").append(f).append("{app=\"bench\",idx=\"").append(i).append("\"} ")
                        .append(rnd.nextInt(1_000_000)).append('\n');
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String run(String target) throws Exception {
        Path dir = Files.createTempDirectory("gateway-bench-");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>();
        if (target.equals("tether")) {
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(Arrays.asList(tetherJvmOpts.split(" ")));
            cmd.addAll(List.of("-jar", "target/tether-gateway.jar", "--listen", "127.0.0.1:" + port,
                    "--data-dir", dir.resolve("data").toString()));
        } else {
            cmd.addAll(List.of("/usr/bin/prometheus-pushgateway", "--web.listen-address=127.0.0.1:" + port,
                    "--persistence.file=" + dir.resolve("pushgateway.state")));
        }
        System.out.println("== " + target + ": " + String.join(" ", cmd));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        // If the benchmark itself is stopped, the gateway under test must not outlive it.
        Thread reaper = new Thread(p::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            String base = "http://127.0.0.1:" + port;
            waitReady(base + (target.equals("tether") ? "/-/ready" : "/-/ready"));
            long fillStart = System.nanoTime();
            long fillEnd = fillStart + TimeUnit.SECONDS.toNanos(fillSeconds);
            AtomicInteger next = new AtomicInteger();
            AtomicInteger filled = new AtomicInteger();
            AtomicLong errors = new AtomicLong();
            parallel(() -> {
                for (int h = next.getAndIncrement(); h < hosts && System.nanoTime() < fillEnd; h = next.getAndIncrement()) {
                    filled.incrementAndGet();
                    if (push(target, base, h) != 200) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
            double fill = (System.nanoTime() - fillStart) / 1e9;
            int stored = filled.get();
            System.out.printf(Locale.ROOT, "filled %d hosts in %.1f s (%d errors)%n", stored, fill, errors.get());

            steady(target, base, stored, 3, new AtomicLong()); // warm-up, discarded
            AtomicLong steadyErrors = new AtomicLong();
            long[] latencies = steady(target, base, stored, seconds, steadyErrors);
            Arrays.sort(latencies);
            double rate = latencies.length / (double) seconds;
            double p50 = latencies.length == 0 ? Double.NaN : latencies[latencies.length / 2] / 1e6;
            double p99 = latencies.length == 0 ? Double.NaN : latencies[(int) Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)] / 1e6;
            System.out.printf(Locale.ROOT, "steady: %.0f pushes/s, p50 %.1f ms, p99 %.1f ms, %d errors%n", rate, p50, p99, steadyErrors.get());

            double best = Double.MAX_VALUE;
            long scraped = 0;
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                long[] lines = scrape(base + "/metrics");
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                scraped = lines[0];
            }
            System.out.printf(Locale.ROOT, "scrape: best %.3f s, %d series%n", best, scraped);
            long[] rss = rss(p.pid());
            return String.format(Locale.ROOT, "| %s | %d | %.1f | %.0f | %.1f | %.1f | %d | %.3f | %d | %d | %d |",
                    target.equals("tether") ? "tether-gateway (" + tetherJvmOpts + ")" : "prometheus-pushgateway " + pushgatewayVersion(),
                    stored, fill, rate, p50, p99, errors.get() + steadyErrors.get(), best, scraped, rss[0] / 1024, rss[1] / 1024);
        } finally {
            Runtime.getRuntime().removeShutdownHook(reaper);
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Pushes random hosts among the first {@code stored} (those already filled) for {@code secs}. */
    private long[] steady(String target, String base, int stored, int secs, AtomicLong errors) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(secs);
        List<long[]> perClient = parallel(() -> {
            long[] lat = new long[1024];
            int n = 0;
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                int status = push(target, base, rnd.nextInt(stored));
                long t1 = System.nanoTime();
                if (status != 200) {
                    errors.incrementAndGet();
                    continue;
                }
                if (t1 <= end) {
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = t1 - t0;
                }
            }
            return Arrays.copyOf(lat, n);
        });
        return perClient.stream().flatMapToLong(Arrays::stream).toArray();
    }

    private int push(String target, String base, int host) {
        String path = target.equals("tether") ? "/api/v1/hosts/host-" + host : "/metrics/job/bench/instance/host-" + host;
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/plain; version=0.0.4")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bodies[host])).build();
        try {
            HttpResponse<Void> resp = http.send(r, HttpResponse.BodyHandlers.discarding());
            return resp.statusCode() == 202 ? 200 : resp.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Reads the whole exposition; returns the number of sample lines. */
    private long[] scrape(String url) throws Exception {
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long samples = 0;
        boolean lineStart = true;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = r.body()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (lineStart && buf[i] != '#') {
                        samples++;
                    }
                    lineStart = buf[i] == '\n';
                }
            }
        }
        return new long[] {samples};
    }

    private <T> List<T> parallel(java.util.concurrent.Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<T>> fs = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                fs.add(pool.submit(task));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : fs) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private void waitReady(String url) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(url + " never became ready");
    }

    /** VmRSS and VmHWM (peak) in KiB. */
    private static long[] rss(long pid) throws IOException {
        long rss = 0;
        long hwm = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            } else if (line.startsWith("VmHWM:")) {
                hwm = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return new long[] {rss, hwm};
    }

    private static String pushgatewayVersion() {
        try {
            Process v = new ProcessBuilder("/usr/bin/prometheus-pushgateway", "--version").redirectErrorStream(true).start();
            String out = new String(v.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            v.waitFor(5, TimeUnit.SECONDS);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("version (\\S+)").matcher(out);
            return m.find() ? m.group(1) : "";
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }
}
