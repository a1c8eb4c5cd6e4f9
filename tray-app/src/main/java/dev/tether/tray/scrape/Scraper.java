package dev.tether.tray.scrape;

import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.text.ExpositionFormat;
import dev.tether.protocol.text.ExpositionParser;
import dev.tether.protocol.text.ParseException;
import dev.tether.tray.discovery.Target;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * Scrapes targets concurrently, each with a timeout, and parses them with the strict parser.
 * Scrapes never go through a proxy: targets are on this machine. Threads are daemons and die when
 * idle, so nothing runs between cycles.
 */
public final class Scraper implements AutoCloseable {
    /** Prefer text 0.0.4, which is what is pushed; OpenMetrics is converted. */
    static final String ACCEPT = "text/plain;version=0.0.4;q=1.0,application/openmetrics-text;version=1.0.0;q=0.5,*/*;q=0.1";
    private static final long MAX_BODY_BYTES = 32L * 1024 * 1024;
    private static final int MAX_PARALLEL = 8;

    private final HttpClient client;
    private final ThreadPoolExecutor pool;

    public Scraper() {
        this.pool = new ThreadPoolExecutor(MAX_PARALLEL, MAX_PARALLEL, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "tether-scrape");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Scrapes every live target; the result list has one entry per target, in order. Dead targets are reported down. */
    public List<ScrapeResult> scrapeAll(List<Target> targets, Duration timeout) {
        List<Future<ScrapeResult>> futures = new ArrayList<>(targets.size());
        for (Target t : targets) {
            futures.add(t.isDead() ? null : pool.submit(() -> scrape(t, timeout)));
        }
        long deadline = System.nanoTime() + timeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(200);
        List<ScrapeResult> out = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            Future<ScrapeResult> f = futures.get(i);
            if (f == null) {
                out.add(ScrapeResult.down(t, Duration.ZERO, "process " + t.pid() + " is dead"));
                continue;
            }
            try {
                out.add(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                f.cancel(true);
                out.add(ScrapeResult.down(t, timeout, "timed out after " + timeout.toMillis() + " ms"));
            } catch (ExecutionException e) {
                out.add(ScrapeResult.down(t, Duration.ZERO, String.valueOf(e.getCause())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                f.cancel(true);
                out.add(ScrapeResult.down(t, Duration.ZERO, "interrupted"));
            }
        }
        return out;
    }

    /** Scrapes one target on the calling thread. */
    ScrapeResult scrape(Target t, Duration timeout) {
        long start = System.nanoTime();
        HttpRequest req = HttpRequest.newBuilder(t.url())
                .timeout(timeout)
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = resp.body()) {
                if (resp.statusCode() != 200) {
                    return ScrapeResult.down(t, since(start), "HTTP " + resp.statusCode());
                }
                String contentType = resp.headers().firstValue("Content-Type").orElse(null);
                ExpositionFormat format = ExpositionFormat.fromContentType(contentType);
                if (format == null) {
                    return ScrapeResult.down(t, since(start), "unsupported Content-Type '" + contentType + "'");
                }
                InputStream in = new LimitedInputStream(body, MAX_BODY_BYTES);
                if (resp.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
                    in = new LimitedInputStream(new GZIPInputStream(in), MAX_BODY_BYTES);
                }
                List<MetricFamily> families = new ArrayList<>();
                ExpositionParser.parse(in, format, families::add);
                return ScrapeResult.up(t, families, since(start));
            }
        } catch (ParseException e) {
            return ScrapeResult.down(t, since(start), "unparsable metrics: " + e.getMessage());
        } catch (HttpTimeoutException e) {
            return ScrapeResult.down(t, since(start), "timed out after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return ScrapeResult.down(t, since(start), describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ScrapeResult.down(t, since(start), "interrupted");
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.net.ConnectException || (e.getCause() instanceof java.net.ConnectException)) {
            return "connection refused";
        }
        return e.getClass().getSimpleName() + (m != null ? ": " + m : "");
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** Refuses a body past a size, so that a runaway target cannot exhaust the heap. */
    private static final class LimitedInputStream extends FilterInputStream {
        private final long max;
        private long count;

        LimitedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws IOException {
            count += n;
            if (count > max) {
                throw new IOException("body larger than " + (max >> 20) + " MiB");
            }
        }
    }
}
