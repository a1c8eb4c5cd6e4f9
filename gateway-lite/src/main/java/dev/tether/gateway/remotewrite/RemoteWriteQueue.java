package dev.tether.gateway.remotewrite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One remote-write endpoint: a bounded queue of {@link HostEvent}s and the daemon thread that sends
 * them in order, batched. {@link #offer} never blocks and never waits for the network: when the
 * queue is over its bound, the oldest events are dropped and counted. 5xx, 429 and network errors are
 * retried with exponential backoff for up to {@link RemoteWriteOptions#maxRetryTime()}; any other
 * answer is final (a 4xx would fail again).
 */
final class RemoteWriteQueue implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RemoteWriteQueue.class.getName());
    private static final long DRAIN_ON_CLOSE_MS = 2_000;

    private final URI url;
    private final String name;
    private final RemoteWriteOptions options;
    private final Path tokenFile;
    private final Map<String, String> headers;
    private final HttpClient http;
    private final Thread sender;

    private final Object lock = new Object();
    private final ArrayDeque<HostEvent> events = new ArrayDeque<>();
    private long queuedSamples;
    private boolean closed;
    private volatile long inFlightSince;

    final LongAdder sentSamples = new LongAdder();
    final LongAdder failedSamples = new LongAdder();
    final LongAdder droppedSamples = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder requests = new LongAdder();

    private String token;
    private FileTime tokenModified;

    RemoteWriteQueue(URI url, Path tokenFile, Map<String, String> headers, RemoteWriteOptions options) {
        this.url = url;
        this.name = displayName(url);
        this.options = options;
        this.tokenFile = tokenFile;
        this.headers = headers;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.requestTimeout()).build();
        this.sender = new Thread(this::run, "tether-remote-write " + name);
        sender.setDaemon(true);
        sender.start();
    }

    /** The URL without user info or query, safe for labels and logs. */
    static String displayName(URI u) {
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
                + (u.getRawPath() == null ? "" : u.getRawPath());
    }

    String name() {
        return name;
    }

    /** Queues an event; drops the oldest ones while the queue is over its bound. Never blocks. */
    void offer(HostEvent e) {
        synchronized (lock) {
            if (closed) {
                droppedSamples.add(e.weight());
                return;
            }
            events.addLast(e);
            queuedSamples += e.weight();
            while (queuedSamples > options.queueSamples() && events.size() > 1) {
                HostEvent old = events.pollFirst();
                queuedSamples -= old.weight();
                droppedSamples.add(old.weight());
            }
            lock.notifyAll();
        }
    }

    long queuedSamples() {
        synchronized (lock) {
            return queuedSamples;
        }
    }

    /** How far behind sending is: the age of the oldest event not yet sent, 0 when all are. */
    double lagSeconds() {
        long since = inFlightSince;
        if (since == 0) {
            synchronized (lock) {
                HostEvent head = events.peekFirst();
                since = head == null ? 0 : head.enqueuedNanos();
            }
        }
        return since == 0 ? 0 : Math.max(0, System.nanoTime() - since) / 1e9;
    }

    private void run() {
        List<TimeSeries> series = new ArrayList<>();
        while (true) {
            List<HostEvent> batch;
            try {
                batch = take();
            } catch (InterruptedException e) {
                return;
            }
            if (batch.isEmpty()) {
                return;
            }
            inFlightSince = batch.get(0).enqueuedNanos();
            try {
                series.clear();
                for (HostEvent e : batch) {
                    SeriesConverter.convert(e, series);
                }
                for (int from = 0; from < series.size(); from += options.maxSamplesPerSend()) {
                    List<TimeSeries> chunk = series.subList(from, Math.min(series.size(), from + options.maxSamplesPerSend()));
                    if (!send(chunk)) {
                        return;
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "remote write to " + name + ": cannot convert a batch", e);
            } finally {
                inFlightSince = 0;
            }
        }
    }

    /** The next events, up to a request's worth; empty once closed (after a short drain). */
    private List<HostEvent> take() throws InterruptedException {
        synchronized (lock) {
            while (events.isEmpty() && !closed) {
                lock.wait();
            }
            List<HostEvent> batch = new ArrayList<>();
            int samples = 0;
            while (!events.isEmpty() && (batch.isEmpty() || samples + events.peekFirst().weight() <= options.maxSamplesPerSend())) {
                HostEvent e = events.pollFirst();
                queuedSamples -= e.weight();
                samples += e.weight();
                batch.add(e);
            }
            return batch;
        }
    }

    /** Sends one request, retrying what may succeed later; false when interrupted (closing). */
    private boolean send(List<TimeSeries> chunk) {
        byte[] body = Snappy.compress(WriteRequestEncoder.encode(chunk));
        long backoff = options.minBackoff().toMillis();
        long deadline = System.nanoTime() + options.maxRetryTime().toNanos();
        while (true) {
            String problem;
            try {
                requests.increment();
                HttpResponse<String> r = http.send(request(body), HttpResponse.BodyHandlers.ofString());
                int status = r.statusCode();
                if (status / 100 == 2) {
                    sentSamples.add(chunk.size());
                    return true;
                }
                problem = "HTTP " + status + ": " + firstLine(r.body());
                if (status / 100 != 5 && status != 429) {
                    failedSamples.add(chunk.size());
                    LOG.warning("remote write to " + name + " refused " + chunk.size() + " samples, not retried: " + problem);
                    return true;
                }
            } catch (IOException e) {
                problem = e.toString();
            } catch (InterruptedException e) {
                failedSamples.add(chunk.size());
                Thread.currentThread().interrupt();
                return false;
            }
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff) > deadline) {
                failedSamples.add(chunk.size());
                LOG.warning("remote write to " + name + ": gave up on " + chunk.size() + " samples after retries: " + problem);
                return true;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                failedSamples.add(chunk.size());
                Thread.currentThread().interrupt();
                return false;
            }
            retries.increment();
            backoff = Math.min(backoff * 2, options.maxBackoff().toMillis());
        }
    }

    private HttpRequest request(byte[] body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(options.requestTimeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Encoding", "snappy")
                .header("Content-Type", "application/x-protobuf")
                .header("User-Agent", "tether-gateway")
                .header("X-Prometheus-Remote-Write-Version", "0.1.0");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        String t = token();
        if (t != null) {
            b.header("Authorization", "Bearer " + t);
        }
        return b.build();
    }

    /** The token file's content, re-read when the file changes (tokens get rotated). */
    private String token() throws IOException {
        if (tokenFile == null) {
            return null;
        }
        FileTime modified = Files.getLastModifiedTime(tokenFile);
        if (token == null || !modified.equals(tokenModified)) {
            token = Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
            tokenModified = modified;
        }
        return token;
    }

    private static String firstLine(String body) {
        String s = body == null ? "" : body.strip();
        int nl = s.indexOf('\n');
        s = nl < 0 ? s : s.substring(0, nl);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** Stops taking events, sends what is queued for a short while, then stops the sender. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            sender.join(DRAIN_ON_CLOSE_MS);
            if (sender.isAlive()) {
                sender.interrupt();
                sender.join(DRAIN_ON_CLOSE_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            for (HostEvent e : events) {
                droppedSamples.add(e.weight());
            }
            events.clear();
            queuedSamples = 0;
        }
    }
}
