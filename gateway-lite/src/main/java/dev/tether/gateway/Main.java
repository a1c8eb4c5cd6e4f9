package dev.tether.gateway;

import dev.tether.gateway.auth.GatewaySecurity;
import dev.tether.gateway.auth.TokenCommand;
import dev.tether.gateway.config.ConfigException;
import dev.tether.gateway.config.ConfigLoader;
import dev.tether.gateway.config.GatewayConfig;
import dev.tether.gateway.remotewrite.RemoteWrite;
import dev.tether.gateway.status.StatusPage;
import dev.tether.protocol.TetherVersion;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Arrays;
import java.util.logging.Logger;

/**
 * Entry point of {@code tether-gateway.jar}: reads the configuration, starts the {@link Gateway},
 * and persists and stops on SIGTERM (a shutdown hook). Exit code 2 for a bad configuration.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(TokenCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            return;
        }
        if (Arrays.asList(args).contains("--version")) {
            System.out.println("tether-gateway " + TetherVersion.get());
            return;
        }
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(ConfigLoader.help());
            System.out.print("\nMake a push token: java -jar tether-gateway.jar token new --hosts 'laptop-*,build-01'\n");
            return;
        }
        GatewayConfig config;
        try {
            config = ConfigLoader.load(args, System.getenv());
        } catch (ConfigException e) {
            System.err.println("tether-gateway: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %5$s%6$s%n");
        }
        Logger log = Logger.getLogger(Main.class.getName());
        GatewaySecurity security;
        try {
            security = GatewaySecurity.load(config);
        } catch (ConfigException e) {
            System.err.println("tether-gateway: " + e.getMessage());
            System.exit(2);
            return;
        }
        Gateway gateway;
        try {
            gateway = Gateway.start(config, Clock.systemUTC(),
                    GatewayExtension.of(security, StatusPage.extension(), RemoteWrite.extension()));
        } catch (RuntimeException e) {
            // Most often the address is taken or not ours to bind.
            System.err.println("tether-gateway: cannot start on " + config.listen() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            security.close();
            log.info("tether-gateway stopped; state written to " + config.dataDir());
        }, "tether-gateway-shutdown"));
        InetSocketAddress a = gateway.address();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        log.info("tether-gateway listening on " + security.scheme() + "://" + host + ":" + a.getPort());
    }
}
