package dev.tether.agent;

import dev.tether.agent.config.AgentOptions;
import dev.tether.agent.config.OptionException;
import dev.tether.agent.config.OptionsParser;
import dev.tether.agent.lifecycle.AgentRuntime;
import dev.tether.agent.log.AgentLog;
import dev.tether.agent.log.LogLevel;

import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code -javaagent} and attach entry points. They read the options, hand over to
 * {@link AgentRuntime} and return at once. They never throw into the application: a bad option or any
 * failure prints one line and leaves the app running without the agent.
 */
public final class TetherAgent {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private TetherAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        start(args, inst);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst);
    }

    private static void start(String args, Instrumentation inst) {
        try {
            long startNanos = System.nanoTime();
            AgentOptions options;
            try {
                options = OptionsParser.forThisJvm().parse(args);
            } catch (OptionException e) {
                AgentLog.stderr(LogLevel.INFO).always(e.getMessage() + "; the agent is off and the application runs without it");
                return;
            }
            AgentLog log = AgentLog.stderr(options.log());
            // Attaching twice, or -javaagent plus attach, must not open a second endpoint.
            if (!STARTED.compareAndSet(false, true)) {
                log.problem("already running in this JVM; the second start is ignored");
                return;
            }
            new AgentRuntime(options, inst, log, startNanos).start();
        } catch (Throwable t) {
            try {
                System.err.println("tether-agent: could not start (" + t + "); the application runs without it");
            } catch (Throwable ignored) {
                // Not even stderr: stay silent rather than disturb the app.
            }
        }
    }
}
