package dev.tether.agent.endpoint;

import dev.tether.agent.lifecycle.DaemonThreads;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code max} daemon threads running tasks handed to them, each kept while tasks come within
 * {@code idleSeconds}, then let go: what {@code new ThreadPoolExecutor(0, max, idle, SynchronousQueue)}
 * does. The agent must not load {@code ThreadPoolExecutor} itself: with the {@code executors}
 * instrumentation on, a pool class loaded before the instrumentation is installed has to be
 * retransformed, which costs the JVM megabytes even in an app that never makes a pool.
 */
final class ConnectionWorkers {
    private final int max;
    private final long idleSeconds;
    private final String name;
    private final SynchronousQueue<Runnable> handoff = new SynchronousQueue<Runnable>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();
    private volatile boolean closed;

    ConnectionWorkers(String name, int max, long idleSeconds) {
        this.name = name;
        this.max = max;
        this.idleSeconds = idleSeconds;
    }

    /** @return false when every worker is busy (the caller turns the task away) */
    boolean offer(Runnable task) {
        if (closed) {
            return false;
        }
        if (handoff.offer(task)) {
            return true; // an idle worker took it
        }
        for (int n = running.get(); n < max; n = running.get()) {
            if (running.compareAndSet(n, n + 1)) {
                try {
                    DaemonThreads.newThread(name + "-" + started.incrementAndGet(), worker(task)).start();
                    return true;
                } catch (Throwable t) {
                    running.decrementAndGet(); // no thread to be had: the app is out of them
                    return false;
                }
            }
        }
        return false;
    }

    void close() {
        closed = true;
    }

    private Runnable worker(final Runnable first) {
        return new Runnable() {
            @Override
            public void run() {
                try {
                    Runnable task = first;
                    while (task != null) {
                        task.run();
                        task = closed ? null : handoff.poll(idleSeconds, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.decrementAndGet();
                }
            }
        };
    }
}
