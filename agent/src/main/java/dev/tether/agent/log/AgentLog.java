package dev.tether.agent.log;

import java.io.PrintStream;

/**
 * One-line messages on the host's stderr, prefixed {@code tether-agent:}.
 *
 * <p>The agent is silent when all is well: {@code info} (the default) prints only problems the user
 * should know about (a port taken, an unwritable discovery dir), {@code debug} adds the lifecycle, and
 * {@code quiet} prints nothing. Configuration errors are printed by {@link #always} because they turn
 * the agent off, which must never go unnoticed.
 */
public final class AgentLog {
    private static final String PREFIX = "tether-agent: ";

    private final LogLevel level;
    private final PrintStream out;

    public AgentLog(LogLevel level, PrintStream out) {
        this.level = level;
        this.out = out;
    }

    public static AgentLog stderr(LogLevel level) {
        return new AgentLog(level, System.err);
    }

    /** Something went wrong but the agent carries on (or the app does): shown unless quiet. */
    public void problem(String message) {
        if (level != LogLevel.QUIET) {
            print(message);
        }
    }

    /** Lifecycle detail, shown only at debug. */
    public void debug(String message) {
        if (level == LogLevel.DEBUG) {
            print(message);
        }
    }

    /** Shown whatever the level. */
    public void always(String message) {
        print(message);
    }

    public boolean isDebug() {
        return level == LogLevel.DEBUG;
    }

    private void print(String message) {
        try {
            out.println(PREFIX + message);
        } catch (Throwable t) {
            // A broken stderr is no reason to disturb the app.
        }
    }
}
