package dev.tether.agent;

import java.lang.instrument.Instrumentation;

/** The {@code -javaagent} entry points. They never throw into the application. */
public final class TetherAgent {
    private TetherAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        try {
            // The agent core lands with its own issue.
        } catch (Throwable t) {
            // Never hurt the host application.
        }
    }

    public static void agentmain(String args, Instrumentation inst) {
        premain(args, inst);
    }
}
