package dev.tether.gateway.auth;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tether-gateway.jar token new --hosts 'laptop-*,build-01'}: prints a fresh token once, and
 * the line for the tokens file. The token is not kept anywhere.
 */
public final class TokenCommand {
    private TokenCommand() {
    }

    /** Runs the sub-command; {@code args} start after {@code token}. Returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("new")) {
            err.println("tether-gateway: usage: token new --hosts 'laptop-*,build-01'");
            return 2;
        }
        String hosts = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--hosts") && i + 1 < args.length) {
                hosts = args[++i];
            } else if (args[i].startsWith("--hosts=")) {
                hosts = args[i].substring("--hosts=".length());
            } else {
                err.println("tether-gateway: token new: unexpected argument '" + args[i] + "'; usage: token new --hosts 'laptop-*,build-01'");
                return 2;
            }
        }
        if (hosts == null) {
            err.println("tether-gateway: token new needs --hosts, the host names it may push as globs: --hosts 'laptop-*,build-01' ('*': all)");
            return 2;
        }
        List<String> globs = new ArrayList<>();
        for (String g : hosts.split("[,\\s]+")) {
            if (g.isEmpty()) {
                continue;
            }
            try {
                globs.add(new HostGlob(g).text());
            } catch (IllegalArgumentException e) {
                err.println("tether-gateway: --hosts: " + e.getMessage());
                return 2;
            }
        }
        if (globs.isEmpty()) {
            err.println("tether-gateway: --hosts: give at least one host glob");
            return 2;
        }
        String token = Tokens.newToken();
        out.println("# The token, shown this once. Put it in the tray's --token-file (chmod 600):");
        out.println(token);
        out.println("# Add this line to the gateway's --tokens-file (it holds the hash only; re-read within a second):");
        out.println(Tokens.hashLine(token) + " " + String.join(",", globs));
        return 0;
    }
}
