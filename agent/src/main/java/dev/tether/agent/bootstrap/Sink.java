package dev.tether.agent.bootstrap;

/**
 * Where {@link TetherBridge} hands what instrumented code observed: implemented by the agent (class path),
 * seen by instrumented code through this interface (boot class path). Every method may throw; the bridge
 * turns a throw into a disabled instrumentation.
 */
public interface Sink {
    void httpServer(long nanos, String method, int status, String contextPath, String rawPath, Throwable thrown);

    /** {@code request} is a {@code java.net.http.HttpRequest}, {@code response} an {@code HttpResponse} or null. */
    void httpClient(long nanos, Object request, Object response, Throwable thrown);

    /** An {@code HttpURLConnection} call that may begin an exchange was entered at {@code nanoTime}. */
    void urlConnectionStarted(Object connection, long nanoTime);

    /**
     * An outermost {@code HttpURLConnection} call, entered at {@code start}, ended at {@code end}.
     * {@code response}: it was {@code getInputStream}, which completes the exchange; otherwise it counts
     * only if it threw. {@code responseCode} is the connection's, {@code -1} when none came.
     */
    void urlConnection(long start, long end, Object connection, boolean response, int responseCode, Throwable thrown);

    /** A call to a method chosen by {@code methods=}: {@code type} is its class's binary name. */
    void method(long nanos, String type, String method, Throwable thrown);

    /** {@code sql} is the executed text, or null for a prepared statement (see {@link #jdbcPrepared}). */
    void jdbc(long nanos, Object statement, String sql, Throwable thrown);

    void jdbcPrepared(Object statement, String sql);

    /** A {@code ThreadPoolExecutor} was constructed (once per constructor in its chain). */
    void executorCreated(Object pool);

    void executorRejected(Object pool);

    /**
     * One log event that passed its logger's level. {@code level} is the framework's level object or
     * name ({@code toString()} gives the name), or for Logback the event itself.
     */
    void logEvent(int framework, Object level);

    /** Called once per instrumentation: it is off from now on. */
    void failed(int instrumentation, Throwable t);
}
