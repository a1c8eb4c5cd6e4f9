package dev.tether.tray.push;

import dev.tether.tray.log.TrayLog;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The goodbye: {@code DELETE /api/v1/hosts/{host}} to several gateways at once, within a deadline,
 * so that a clean exit removes the host at once instead of leaving it to lapse. 200 and 404 both
 * mean done.
 */
public final class Goodbye {
    private Goodbye() {
    }

    /**
     * Sends {@code DELETE} to every pusher's gateway in parallel and waits until {@code deadlineNanos}
     * ({@link System#nanoTime()} based) at the most; logs one line per gateway.
     */
    public static void send(List<GatewayPusher> ps, String host, String token, long deadlineNanos, TrayLog log) {
        Map<GatewayPusher, CompletableFuture<GatewayReply>> futures = new LinkedHashMap<>();
        Duration timeout = Duration.ofNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(100),
                deadlineNanos - System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(100)));
        for (GatewayPusher p : ps) {
            futures.put(p, p.goodbye(host, token, timeout));
        }
        for (var e : futures.entrySet()) {
            String url = e.getKey().url().toString();
            try {
                GatewayReply r = e.getValue().get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (r.status() == 200 || r.status() == 204 || r.status() == 404) {
                    log.info("goodbye to " + url + ": host " + host + " removed");
                } else {
                    log.warn("goodbye to " + url + " answered HTTP " + r.status() + " " + r.message()
                            + "; the host will lapse after its TTL");
                }
            } catch (TimeoutException ex) {
                e.getValue().cancel(true);
                log.warn("goodbye to " + url + " timed out; the host will lapse after its TTL");
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception ex) {
                log.warn("goodbye to " + url + " failed (" + (ex.getCause() != null ? ex.getCause() : ex)
                        + "); the host will lapse after its TTL");
            }
        }
    }

}
