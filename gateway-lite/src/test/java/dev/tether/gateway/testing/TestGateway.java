package dev.tether.gateway.testing;

import dev.tether.gateway.Gateway;
import dev.tether.gateway.config.GatewayConfig;
import dev.tether.gateway.config.ListenAddress;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** A real gateway on a free loopback port, with a temp data dir, for one test class. */
public final class TestGateway implements AutoCloseable {
    public final Gateway gateway;
    public final GatewayClient client;

    private TestGateway(Gateway gateway) {
        this.gateway = gateway;
        this.client = new GatewayClient("http://127.0.0.1:" + gateway.address().getPort());
    }

    /** Test defaults: port 0, a long persist interval (tests persist by hand), fast sweep. */
    public static GatewayConfig.Builder config(Path dataDir) {
        return GatewayConfig.builder()
                .listen(new ListenAddress("127.0.0.1", 0))
                .dataDir(dataDir)
                .persistInterval(Duration.ofHours(1))
                .sweepInterval(Duration.ofMillis(100));
    }

    public static TestGateway start(Path dataDir, Clock clock, UnaryOperator<GatewayConfig.Builder> tweak) {
        return start(dataDir, clock, tweak, dev.tether.gateway.GatewayExtension.NONE);
    }

    /** A gateway with a feature built on the core (status page, remote write). */
    public static TestGateway start(Path dataDir, Clock clock, UnaryOperator<GatewayConfig.Builder> tweak,
                                    dev.tether.gateway.GatewayExtension extension) {
        return new TestGateway(Gateway.start(tweak.apply(config(dataDir)).build(), clock, extension));
    }

    public static TestGateway start(Path dataDir, Clock clock) {
        return start(dataDir, clock, b -> b);
    }

    @Override
    public void close() {
        gateway.close();
    }
}
