package dev.tether.agent.it;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The app the child-JVM tests run with the agent. Modes:
 * {@code exit} returns from main at once; {@code wait} serves commands on stdin until {@code exit} or EOF;
 * {@code conflict} first uses its own simpleclient and Byte Buddy, then waits.
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
        if (!mode.equals("exit")) {
            serveCommands();
        }
        System.out.println("app-done");
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
