package dev.tether.tray.scrape;

import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.text.ExpositionFormat;
import dev.tether.protocol.text.ExpositionParser;
import dev.tether.protocol.text.ParseException;
import dev.tether.tray.discovery.Target;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
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

    private final ThreadPoolExecutor pool;

    public Scraper() {
        this.pool = new ThreadPoolExecutor(MAX_PARALLEL, MAX_PARALLEL, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "tether-scrape");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Scrapes every live target; the result list has one entry per target, in order. Dead targets are reported down. */
    public List<ScrapeResult> scrapeAll(List<Target> targets, Duration timeout) {
        List<Future<ScrapeResult>> futures = new ArrayList<>(targets.size());
        List<AtomicReference<HttpURLConnection>> connections = new ArrayList<>(targets.size());
        for (Target t : targets) {
            AtomicReference<HttpURLConnection> conn = new AtomicReference<>();
            connections.add(conn);
            futures.add(t.isDead() ? null : pool.submit(() -> scrape(t, timeout, conn)));
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
                abort(f, connections.get(i));
                out.add(ScrapeResult.down(t, timeout, "timed out after " + timeout.toMillis() + " ms"));
            } catch (ExecutionException e) {
                out.add(ScrapeResult.down(t, Duration.ZERO, String.valueOf(e.getCause())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abort(f, connections.get(i));
                out.add(ScrapeResult.down(t, Duration.ZERO, "interrupted"));
            }
        }
        return out;
    }

    /** A blocking socket read ignores interrupts; closing the connection is what ends it. */
    private static void abort(Future<?> f, AtomicReference<HttpURLConnection> conn) {
        f.cancel(true);
        HttpURLConnection c = conn.get();
        if (c != null) {
            c.disconnect();
        }
    }

    /** Scrapes one target on the calling thread. */
    ScrapeResult scrape(Target t, Duration timeout, AtomicReference<HttpURLConnection> holder) {
        long start = System.nanoTime();
        int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        HttpURLConnection c = null;
        try {
            // Never through a proxy: targets are on this machine.
            c = (HttpURLConnection) t.url().toURL().openConnection(Proxy.NO_PROXY);
            holder.set(c);
            c.setConnectTimeout(ms);
            c.setReadTimeout(ms);
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setRequestProperty("Accept", ACCEPT);
            c.setRequestProperty("Accept-Encoding", "gzip");
            int status = c.getResponseCode();
            if (status != 200) {
                drain(status >= 400 ? c.getErrorStream() : c.getInputStream());
                return ScrapeResult.down(t, since(start), "HTTP " + status);
            }
            String contentType = c.getContentType();
            ExpositionFormat format = ExpositionFormat.fromContentType(contentType);
            try (InputStream body = c.getInputStream()) {
                if (format == null) {
                    return ScrapeResult.down(t, since(start), "unsupported Content-Type '" + contentType + "'");
                }
                InputStream in = new LimitedInputStream(body, MAX_BODY_BYTES);
                if ("gzip".equalsIgnoreCase(c.getContentEncoding())) {
                    in = new LimitedInputStream(new GZIPInputStream(in), MAX_BODY_BYTES);
                }
                List<MetricFamily> families = new ArrayList<>();
                ExpositionParser.parse(in, format, families::add);
                return ScrapeResult.up(t, families, since(start));
            }
        } catch (ParseException e) {
            c.disconnect();
            return ScrapeResult.down(t, since(start), "unparsable metrics: " + e.getMessage());
        } catch (SocketTimeoutException e) {
            c.disconnect();
            return ScrapeResult.down(t, since(start), "timed out after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            if (c != null) {
                c.disconnect();
            }
            return ScrapeResult.down(t, since(start), describe(e));
        }
    }

    private static void drain(InputStream in) {
        if (in == null) {
            return;
        }
        try (in) {
            in.skip(64 * 1024);
        } catch (IOException e) {
            // The connection is not reused then; nothing else to do.
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.net.ConnectException) {
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
