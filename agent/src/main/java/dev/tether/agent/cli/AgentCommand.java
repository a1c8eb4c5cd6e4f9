package dev.tether.agent.cli;

import dev.tether.agent.AgentVersion;

import java.io.PrintStream;

/** {@code java -jar tether-agent.jar --version | attach <pid> [key=value,...]}. */
public final class AgentCommand {
    static final String USAGE = "usage: java -jar tether-agent.jar --version | attach <pid> [key=value,...]";

    private AgentCommand() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && args[0].equals("--version")) {
            out.println("tether-agent " + AgentVersion.get());
            return 0;
        }
        if (args.length >= 2 && args.length <= 3 && args[0].equals("attach")) {
            return new AttachCommand(out, err).run(args[1], args.length == 3 ? args[2] : "");
        }
        err.println(USAGE);
        return 2;
    }
}
