package dev.tether.agent.it;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.LogManager;

/**
 * The app the child-JVM tests run with the agent. Modes:
 * {@code exit} returns from main at once; {@code wait} serves commands on stdin until {@code exit} or EOF;
 * {@code conflict} first uses its own simpleclient and Byte Buddy, then waits; {@code late-log-manager <dir>}
 * sets {@code java.util.logging.manager} once the agent has announced itself in {@code dir}, then waits.
 */
public final class TestApp {
    private TestApp() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "exit";
        System.out.println("app-started pid=" + ProcessHandle.current().pid() + " java=" + System.getProperty("java.version"));
        if (mode.equals("conflict")) {
            ConflictingLibraries.use();
        }
        if (mode.equals("late-log-manager")) {
            installLogManagerOnceAgentIsReady(Path.of(args[1]));
        }
        if (!mode.equals("exit")) {
            serveCommands();
        }
        System.out.println("app-done");
    }

    /**
     * What JBoss LogManager users do in main: choose the log manager, then log. It only works if nothing
     * initialised java.util.logging before, the agent included.
     */
    private static void installLogManagerOnceAgentIsReady(Path discoveryDir) throws Exception {
        Path announced = discoveryDir.resolve(ProcessHandle.current().pid() + ".json");
        for (int i = 0; i < 1000 && !Files.exists(announced); i++) {
            Thread.sleep(20);
        }
        System.setProperty("java.util.logging.manager", AppLogManager.class.getName());
        System.out.println("app-log-manager " + LogManager.getLogManager().getClass().getName());
    }

    /** The app's own log manager. */
    public static final class AppLogManager extends LogManager {
        public AppLogManager() {
        }
    }

    private static void serveCommands() throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("exit")) {
            if (line.equals("threads")) {
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    System.out.println("thread " + t.getName() + " daemon=" + t.isDaemon());
                }
                System.out.println("threads-end");
            }
        }
    }
}
