package dev.tether.tray.discovery;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing to scrape this cycle, immutable: a discovered agent or a static target. An agent whose
 * JVM died ({@link #deadSince()} set) is not scraped but still reported, with {@code tether_target_up 0}.
 */
public final class Target {
    /** Where a target came from. */
    public enum Kind { AGENT, STATIC }

    private final Kind kind;
    private final String job;
    private final String instance;
    private final URI url;
    private final long pid;
    private final Instant deadSince;

    private Target(Kind kind, String job, String instance, URI url, long pid, Instant deadSince) {
        this.kind = kind;
        this.job = Objects.requireNonNull(job);
        this.instance = Objects.requireNonNull(instance);
        this.url = Objects.requireNonNull(url);
        this.pid = pid;
        this.deadSince = deadSince;
    }

    /** An agent on this host: {@code job=<app>}, {@code instance=<host>:<pid>}. */
    public static Target agent(String app, String host, long pid, URI url, Instant deadSince) {
        return new Target(Kind.AGENT, app, host + ":" + pid, url, pid, deadSince);
    }

    public static Target fixed(String job, String instance, URI url) {
        return new Target(Kind.STATIC, job, instance, url, -1, null);
    }

    /** A key that is unique within one cycle and stable across cycles. */
    public String id() {
        return job + "/" + instance;
    }

    public Kind kind() {
        return kind;
    }

    public String job() {
        return job;
    }

    public String instance() {
        return instance;
    }

    public URI url() {
        return url;
    }

    /** The agent's PID, or -1 for a static target. */
    public long pid() {
        return pid;
    }

    /** When the agent's JVM was first seen dead, or null while it lives (and for static targets). */
    public Instant deadSince() {
        return deadSince;
    }

    public boolean isDead() {
        return deadSince != null;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Target)) {
            return false;
        }
        Target t = (Target) o;
        return kind == t.kind && pid == t.pid && job.equals(t.job) && instance.equals(t.instance)
                && url.equals(t.url) && Objects.equals(deadSince, t.deadSince);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, job, instance, url, pid);
    }

    @Override
    public String toString() {
        return id() + " " + url + (isDead() ? " (dead since " + deadSince + ")" : "");
    }
}
