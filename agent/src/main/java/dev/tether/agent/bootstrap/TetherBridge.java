package dev.tether.agent.bootstrap;

import java.util.concurrent.CompletableFuture;

/**
 * The only agent classes advice calls: this package is defined in the boot class loader, so advice
 * defined next to JDK classes ({@code com.sun.net.httpserver}, {@code java.net.http}) resolves it as well
 * as advice defined next to the app's classes. It holds no metrics, only the {@link Sink} the agent installs.
 *
 * <p>Nested calls of one instrumentation on one thread (a filter chain calling itself, a facade
 * delegating to its implementation, a pool's statement wrapping the driver's) are counted once: only the
 * outermost call gets a start time, the others get {@code -1}.
 */
public final class TetherBridge {
    public static final int HTTP_SERVER = 0;
    public static final int HTTP_CLIENT = 1;
    public static final int JDBC = 2;
    public static final int EXECUTORS = 3;
    public static final int LOGGING = 4;
    public static final int METHODS = 5;
    public static final int COUNT = 6;

    public static final int LOG_JUL = 0;
    public static final int LOG_LOGBACK = 1;
    public static final int LOG_LOG4J = 2;

    private static final boolean[] DISABLED = new boolean[COUNT];
    private static volatile Sink sink;
    private static final ThreadLocal<int[]> DEPTH = new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
            return new int[COUNT];
        }
    };

    /** The outermost servlet request's context path and path, from its entry to its exit (servlet advice). */
    private static final ThreadLocal<String[]> SERVER_PATHS = new ThreadLocal<String[]>() {
        @Override
        protected String[] initialValue() {
            return new String[2];
        }
    };

    private TetherBridge() {
    }

    /** Set once by the agent once its metrics exist. */
    public static void install(Sink s) {
        sink = s;
    }

    /** @return the start time for the outermost call, else {@code -1} */
    public static long enter(int instrumentation) {
        int[] depth = DEPTH.get();
        return depth[instrumentation]++ == 0 ? System.nanoTime() : -1L;
    }

    /** @return whether the call that {@link #enter} started is to be recorded */
    public static boolean exit(int instrumentation, long start) {
        DEPTH.get()[instrumentation]--;
        return start != -1L && sink != null && !DISABLED[instrumentation];
    }

    public static void httpServer(long start, String method, int status, String contextPath, String rawPath, Throwable thrown) {
        try {
            sink.httpServer(System.nanoTime() - start, method, status, contextPath, rawPath, thrown);
        } catch (Throwable t) {
            fail(HTTP_SERVER, t);
        }
    }

    /** Keeps what {@link #httpServerWithPaths} will record, for advice that can pass only its start time from entry to exit. */
    public static void httpServerPaths(String contextPath, String rawPath) {
        String[] paths = SERVER_PATHS.get();
        paths[0] = contextPath;
        paths[1] = rawPath;
    }

    /** {@link #httpServer} with the paths {@link #httpServerPaths} kept; nothing if none were (an async or error dispatch). */
    public static void httpServerWithPaths(long start, String method, int status, Throwable thrown) {
        String[] paths = SERVER_PATHS.get();
        String contextPath = paths[0];
        String rawPath = paths[1];
        paths[0] = null;
        paths[1] = null;
        if (rawPath != null) {
            httpServer(start, method, status, contextPath, rawPath, thrown);
        }
    }

    /**
     * Takes what {@link #httpServerPaths} kept, for a request that goes on asynchronously and is recorded
     * when it completes; null if nothing was kept (an async or error dispatch).
     */
    public static String[] takeHttpServerPaths() {
        String[] paths = SERVER_PATHS.get();
        String[] taken = paths[1] == null ? null : new String[] {paths[0], paths[1]};
        paths[0] = null;
        paths[1] = null;
        return taken;
    }

    public static void httpClient(long start, Object request, Object response, Throwable thrown) {
        try {
            sink.httpClient(System.nanoTime() - start, request, response, thrown);
        } catch (Throwable t) {
            fail(HTTP_CLIENT, t);
        }
    }

    /** Times {@code future} (a {@link CompletableFuture}) to its completion; the app's future is left as it is. */
    public static void httpClientAsync(long start, Object request, Object future, Throwable thrown) {
        try {
            if (thrown != null || !(future instanceof CompletableFuture)) {
                httpClient(start, request, null, thrown);
            } else {
                ((CompletableFuture<?>) future).whenComplete(new ClientCompletion(start, request));
            }
        } catch (Throwable t) {
            fail(HTTP_CLIENT, t);
        }
    }

    /**
     * An {@code HttpURLConnection} call that may begin an exchange ({@code connect}, {@code getOutputStream},
     * {@code getInputStream}): the agent notes the time unless the exchange on {@code connection} has begun.
     */
    public static void urlConnectionStarted(Object connection) {
        Sink s = sink;
        if (s == null || DISABLED[HTTP_CLIENT]) {
            return;
        }
        try {
            s.urlConnectionStarted(connection, System.nanoTime());
        } catch (Throwable t) {
            fail(HTTP_CLIENT, t);
        }
    }

    /** The outermost {@code HttpURLConnection} call that {@link #enter} timed from {@code start} ended. */
    public static void urlConnection(long start, Object connection, boolean response, int responseCode, Throwable thrown) {
        try {
            sink.urlConnection(start, System.nanoTime(), connection, response, responseCode, thrown);
        } catch (Throwable t) {
            fail(HTTP_CLIENT, t);
        }
    }

    /**
     * Start of a call to a method chosen by {@code methods=}. Unlike {@link #enter}, nested calls are all
     * timed: each is a different method.
     *
     * @return the start time, or {@code -1} when nothing is to be recorded
     */
    public static long methodEnter() {
        return sink != null && !DISABLED[METHODS] ? System.nanoTime() : -1L;
    }

    /** {@code type} and {@code method} are constants of the instrumented code. */
    public static void method(long start, String type, String method, Throwable thrown) {
        if (start == -1L || DISABLED[METHODS]) {
            return;
        }
        try {
            sink.method(System.nanoTime() - start, type, method, thrown);
        } catch (Throwable t) {
            fail(METHODS, t);
        }
    }

    public static void jdbc(long start, Object statement, String sql, Throwable thrown) {
        try {
            sink.jdbc(System.nanoTime() - start, statement, sql, thrown);
        } catch (Throwable t) {
            fail(JDBC, t);
        }
    }

    public static void jdbcPrepared(Object statement, String sql) {
        Sink s = sink;
        if (s == null || DISABLED[JDBC] || statement == null) {
            return;
        }
        try {
            s.jdbcPrepared(statement, sql);
        } catch (Throwable t) {
            fail(JDBC, t);
        }
    }

    public static void executorCreated(Object pool) {
        Sink s = sink;
        if (s == null || DISABLED[EXECUTORS]) {
            return;
        }
        try {
            s.executorCreated(pool);
        } catch (Throwable t) {
            fail(EXECUTORS, t);
        }
    }

    public static void executorRejected(Object pool) {
        Sink s = sink;
        if (s == null || DISABLED[EXECUTORS]) {
            return;
        }
        try {
            s.executorRejected(pool);
        } catch (Throwable t) {
            fail(EXECUTORS, t);
        }
    }

    public static void logEvent(int framework, Object level) {
        Sink s = sink;
        if (s == null || DISABLED[LOGGING]) {
            return;
        }
        try {
            s.logEvent(framework, level);
        } catch (Throwable t) {
            fail(LOGGING, t);
        }
    }

    /** The exception handler of every advice: the advice itself threw. */
    public static void adviceFailed(Throwable t, int instrumentation) {
        fail(instrumentation, t);
    }

    public static boolean isDisabled(int instrumentation) {
        return DISABLED[instrumentation];
    }

    /** Turns the instrumentation off (its advice stays in place but records nothing) and reports it once. */
    public static void fail(int instrumentation, Throwable t) {
        synchronized (DISABLED) {
            if (DISABLED[instrumentation]) {
                return;
            }
            DISABLED[instrumentation] = true;
        }
        Sink s = sink;
        if (s != null) {
            try {
                s.failed(instrumentation, t);
            } catch (Throwable ignored) {
                // Nothing more can be done without risking the app.
            }
        }
    }
}
