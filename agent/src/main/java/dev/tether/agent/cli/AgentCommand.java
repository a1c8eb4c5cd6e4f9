package dev.tether.agent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code java -jar tether-agent.jar --version}. */
public final class AgentCommand {
    private AgentCommand() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("--version")) {
            Properties p = new Properties();
            try (InputStream in = AgentCommand.class.getResourceAsStream("/dev/tether/agent/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            System.out.println("tether-agent " + p.getProperty("version", "unknown"));
            return;
        }
        System.err.println("usage: java -jar tether-agent.jar --version");
        System.exit(2);
    }
}
