package dev.tether.tray.push;

import dev.tether.tray.log.TrayLog;
import dev.tether.tray.status.GatewayStatus;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;

/**
 * Pushes to one gateway on its own daemon thread, so that a slow or dead gateway never delays
 * another. It holds one pending action, not a queue: a newer snapshot replaces an unsent one, and a
 * retry after a failure sends the newest snapshot there is. Retries follow {@link RetryState}.
 *
 * <p>Thread-safe: {@link #offer} and {@link #status} may be called from any thread.
 */
public final class GatewayPusher implements AutoCloseable {
    private final GatewayClient client;
    private final Clock clock;
    private final TrayLog log;
    private final Runnable onChange;
    private final RetryState retry;
    private final Thread worker;
    private final AtomicLong failuresTotal = new AtomicLong();
    private final AtomicLong pushesTotal = new AtomicLong();

    private final Object lock = new Object();
    private PushAction pending;
    private Duration interval;
    private boolean closed;
    private GatewayStatus status;
    private String lastLogged;

    /**
     * @param onChange called (on this pusher's thread) after each answer
     */
    public GatewayPusher(GatewayClient client, Duration interval, Clock clock, Backoff backoff, TrayLog log,
            Runnable onChange) {
        this.client = client;
        this.interval = interval;
        this.clock = clock;
        this.log = log;
        this.onChange = onChange;
        this.retry = new RetryState(backoff);
        this.status = GatewayStatus.pending(client.base());
        this.worker = new Thread(this::run, "tether-push " + client.base().getAuthority());
        worker.setDaemon(true);
        worker.start();
    }

    public URI url() {
        return client.base();
    }

    public GatewayClient client() {
        return client;
    }

    /** Hands over the next action, replacing any unsent one; it goes as soon as backoff allows. */
    public void offer(PushAction action, Duration currentInterval) {
        synchronized (lock) {
            pending = action;
            interval = currentInterval;
            lock.notifyAll();
        }
    }

    public GatewayStatus status() {
        synchronized (lock) {
            return status;
        }
    }

    /** Failed requests since start, for {@code tether_tray_push_failures_total}. */
    public long failuresTotal() {
        return failuresTotal.get();
    }

    /** Accepted pushes since start. */
    public long pushesTotal() {
        return pushesTotal.get();
    }

    private void run() {
        while (true) {
            PushAction action;
            Duration iv;
            synchronized (lock) {
                try {
                    while (!closed && (pending == null || !retry.mayAttempt(clock.instant()))) {
                        if (pending == null) {
                            lock.wait();
                        } else {
                            long ms = Duration.between(clock.instant(), retry.notBefore()).toMillis();
                            lock.wait(Math.max(1, ms));
                        }
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (closed) {
                    return;
                }
                action = pending;
                pending = null;
                iv = interval;
            }
            attempt(action, iv);
            try {
                onChange.run();
            } catch (RuntimeException e) {
                log.warn("status listener failed: " + e);
            }
        }
    }

    private void attempt(PushAction action, Duration iv) {
        Duration timeout = iv.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                : (iv.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : iv);
        GatewayReply reply = null;
        String failure = null;
        try {
            if (action instanceof PushAction.Put put) {
                reply = client.put(put.host(), put.snapshot(), put.ttl(), put.token(), timeout);
            } else {
                reply = client.pause(action.host(), action.ttl(), action.token(), timeout);
            }
        } catch (SocketTimeoutException e) {
            failure = "timed out after " + timeout.toMillis() + " ms";
        } catch (ConnectException e) {
            failure = "unreachable (connection refused)";
        } catch (SSLException e) {
            failure = "TLS handshake failed (" + e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "")
                    + ")";
        } catch (IOException e) {
            failure = "unreachable (" + e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "") + ")";
        } catch (RuntimeException e) {
            // A bug or an odd URL must not kill this gateway's thread: report it like any failure.
            failure = e.toString();
        }
        Instant now = clock.instant();
        Outcome outcome = reply != null ? reply.outcome() : Outcome.RETRYABLE;
        synchronized (lock) {
            boolean retrySame = retry.record(outcome, now, iv);
            if (retrySame && pending == null && !closed) {
                pending = action;
            }
            GatewayStatus old = status;
            boolean isPut = action instanceof PushAction.Put;
            long bytes = isPut ? ((PushAction.Put) action).snapshot().gzip().length : old.bytes();
            int series = isPut ? ((PushAction.Put) action).snapshot().series() : old.series();
            if (outcome == Outcome.OK) {
                if (isPut) {
                    pushesTotal.incrementAndGet();
                }
                status = new GatewayStatus(url(), isPut ? GatewayStatus.State.OK : GatewayStatus.State.PAUSED,
                        isPut ? now : old.lastPushAt(), now, reply.latency(), bytes, series, reply.status(), null, 0, null);
                if (lastLogged != null || old.state() == GatewayStatus.State.PENDING) {
                    log.info((isPut ? "pushed " + series + " series (" + bytes + " bytes gzip) to " : "paused at ")
                            + url() + (lastLogged != null ? ", which works again" : ""));
                }
                lastLogged = null;
                return;
            }
            failuresTotal.incrementAndGet();
            String error = failure != null ? failure : describe(reply);
            GatewayStatus.State state = switch (outcome) {
                case AUTH_REFUSED -> GatewayStatus.State.AUTH_REFUSED;
                case REJECTED -> GatewayStatus.State.REJECTED;
                default -> GatewayStatus.State.RETRYING;
            };
            Instant next = retrySame ? retry.notBefore() : null;
            status = new GatewayStatus(url(), state, old.lastPushAt(), now, reply != null ? reply.latency() : null,
                    bytes, series, reply != null ? reply.status() : 0, error, retry.consecutiveFailures(), next);
            String what = (isPut ? "push to " : "pause at ") + url();
            String line = switch (outcome) {
                case AUTH_REFUSED -> what + " refused: authentication failed (" + error
                        + "); check the token file; trying again in one interval";
                case REJECTED -> what + " rejected by the gateway: " + error;
                default -> what + " failed: " + error + "; retrying with backoff";
            };
            // One line per distinct problem, not one per retry: a gateway down all night is one line.
            String key = state + " " + (reply != null ? reply.status() + " " + reply.message() : failure);
            if (!key.equals(lastLogged)) {
                log.warn(line);
                lastLogged = key;
            }
        }
    }

    private static String describe(GatewayReply r) {
        return "HTTP " + r.status() + (r.message().isEmpty() ? "" : ": " + r.message());
    }

    /** Stops the thread; an unsent action is dropped. Does not say goodbye (see {@link #goodbye}). */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            pending = null;
            lock.notifyAll();
        }
        worker.interrupt();
    }

    /**
     * Waits until a request in flight has ended (or the time is up), so that a late PUT cannot land
     * after the goodbye and bring the host back.
     */
    public void awaitStopped(Duration max) {
        try {
            worker.join(Math.max(1, max.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the goodbye ({@code DELETE}); the caller waits on all gateways' futures together. */
    public CompletableFuture<GatewayReply> goodbye(String host, String token, Duration timeout) {
        return client.goodbye(host, token, timeout);
    }
}
