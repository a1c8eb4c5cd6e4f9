package dev.tether.agent.cli;

import dev.tether.agent.config.OptionException;
import dev.tether.agent.config.OptionsParser;

import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Properties;

/**
 * Loads this jar into a running JVM through the Attach API.
 *
 * <p>Reflection, because the agent is compiled for Java 8, where {@code com.sun.tools.attach} lives in
 * the JDK's tools.jar rather than in the platform. On JDK 21+ the target prints a warning about
 * dynamically loaded agents unless it was started with {@code -XX:+EnableDynamicAgentLoading}.
 */
final class AttachCommand {
    private final PrintStream out;
    private final PrintStream err;

    AttachCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String pid, String options) {
        if (!pid.matches("[0-9]+")) {
            err.println("tether-agent: '" + pid + "' is not a process id");
            return 2;
        }
        try {
            // Check here, where the user can read the error, rather than in the target's stderr.
            new OptionsParser(Collections.<String, String>emptyMap(), new Properties()).parse(options);
        } catch (OptionException e) {
            err.println("tether-agent: " + e.getMessage());
            return 2;
        }
        File jar;
        try {
            jar = new File(AttachCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            err.println("tether-agent: cannot locate tether-agent.jar: " + e);
            return 1;
        }
        try {
            Class<?> vmClass = Class.forName("com.sun.tools.attach.VirtualMachine");
            Object vm = vmClass.getMethod("attach", String.class).invoke(null, pid);
            try {
                Method load = vmClass.getMethod("loadAgent", String.class, String.class);
                load.invoke(vm, jar.getAbsolutePath(), options);
            } finally {
                vmClass.getMethod("detach").invoke(vm);
            }
        } catch (ClassNotFoundException e) {
            err.println("tether-agent: attach needs a JDK (the jdk.attach module); this runtime has none");
            return 1;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            err.println("tether-agent: cannot attach to " + pid + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
            return 1;
        } catch (ReflectiveOperationException | RuntimeException e) {
            err.println("tether-agent: cannot attach to " + pid + ": " + e);
            return 1;
        }
        out.println("tether-agent: loaded into " + pid);
        return 0;
    }
}
