package dev.tether.agent.lifecycle;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Every thread the agent starts: a daemon named {@code tether-*}, so it never keeps the JVM alive. */
public final class DaemonThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    public DaemonThreads(String prefix) {
        if (!prefix.startsWith("tether-")) {
            throw new IllegalArgumentException("agent threads are named tether-*: " + prefix);
        }
        this.prefix = prefix;
    }

    public static Thread newThread(String name, Runnable task) {
        if (!name.startsWith("tether-")) {
            throw new IllegalArgumentException("agent threads are named tether-*: " + name);
        }
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public Thread newThread(Runnable task) {
        return newThread(prefix + "-" + count.incrementAndGet(), task);
    }
}
