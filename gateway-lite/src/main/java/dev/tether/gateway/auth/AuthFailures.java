package dev.tether.gateway.auth;

import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.MetricType;
import dev.tether.protocol.model.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Counts refused requests by reason, and logs them at most once per source address per minute (with
 * how many were left out), so a scanner cannot flood the log. Log lines name the source, the
 * request line and the reason; never a token.
 */
public final class AuthFailures {
    private static final Logger LOG = Logger.getLogger(AuthFailures.class.getName());
    private static final long MINUTE_NANOS = 60_000_000_000L;
    private static final int MAX_SOURCES = 10_000;

    private final LongAdder[] counts = new LongAdder[AuthFailure.values().length];
    private final Map<String, Source> sources = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    private static final class Source {
        long lastLogged;
        long suppressed;
    }

    public AuthFailures() {
        this(System::nanoTime);
    }

    AuthFailures(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    /** Counts one refusal and logs it unless this source was logged less than a minute ago. */
    public void refused(AuthFailure reason, String source, String method, String path) {
        counts[reason.ordinal()].increment();
        long now = nanoTime.getAsLong();
        if (sources.size() > MAX_SOURCES) {
            sources.values().removeIf(s -> now - s.lastLogged > MINUTE_NANOS);
        }
        Source s = sources.computeIfAbsent(source, k -> {
            Source n = new Source();
            n.lastLogged = now - MINUTE_NANOS - 1;
            return n;
        });
        long suppressed;
        synchronized (s) {
            if (now - s.lastLogged <= MINUTE_NANOS) {
                s.suppressed++;
                return;
            }
            s.lastLogged = now;
            suppressed = s.suppressed;
            s.suppressed = 0;
        }
        LOG.warning("refused " + printable(method) + " " + printable(path) + " from " + source + ": " + reason.label()
                + (suppressed > 0 ? " (" + suppressed + " more refused from it in the last minute, not logged)" : ""));
    }

    /** The client chose this text: no control characters (no forged log lines), at most 200 characters. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 200));
        for (int i = 0; i < s.length() && sb.length() < 200; i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return s.length() > 200 ? sb + "..." : sb.toString();
    }

    public long count(AuthFailure reason) {
        return counts[reason.ordinal()].sum();
    }

    public List<MetricFamily> families() {
        List<Sample> samples = new ArrayList<>();
        for (AuthFailure r : AuthFailure.values()) {
            samples.add(new Sample("tether_gateway_auth_failures_total", Labels.of("reason", r.label()), counts[r.ordinal()].sum()));
        }
        return List.of(new MetricFamily("tether_gateway_auth_failures_total", MetricType.COUNTER,
                "Requests refused: missing or unknown token, host not allowed, push rate over the limit.", samples));
    }
}
