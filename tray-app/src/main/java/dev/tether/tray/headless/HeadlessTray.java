package dev.tether.tray.headless;

import dev.tether.tray.config.TraySettings;
import dev.tether.tray.core.Forwarder;
import dev.tether.tray.log.TrayLog;

import java.io.IOException;
import java.net.URI;

/**
 * The headless front end: a running {@link Forwarder} plus, when the settings ask for it, the
 * loopback status endpoint. Start it in-process with {@link #start(TraySettings)} (tests, the e2e
 * module) and stop it with {@link #close()}, which says goodbye to the gateways within 2 s.
 * {@link Main} adds the signals and the shutdown hook around it.
 */
public final class HeadlessTray implements AutoCloseable {
    private final Forwarder forwarder;
    private final StatusServer statusServer;

    private HeadlessTray(Forwarder forwarder, StatusServer statusServer) {
        this.forwarder = forwarder;
        this.statusServer = statusServer;
    }

    /** Starts with the production clock and a stdout log. */
    public static HeadlessTray start(TraySettings settings) throws IOException {
        return start(Forwarder.builder(settings));
    }

    /** Starts a forwarder built by the caller (to inject a clock, a log, an environment). */
    public static HeadlessTray start(Forwarder.Builder builder) throws IOException {
        Forwarder f = builder.build();
        TrayLog log = f.log();
        TraySettings s = f.settings();
        StatusServer server = null;
        if (s.statusListen() != null) {
            try {
                server = StatusServer.start(s.statusListen(), f);
            } catch (IOException e) {
                throw new IOException("cannot listen on " + s.statusListen() + " for --status-listen: " + e.getMessage(), e);
            }
        }
        try {
            f.start();
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            throw e;
        }
        if (server != null) {
            // Scripts and tests read this line to find a port-0 listener.
            log.info("tether-tray status on " + server.statusUri());
        }
        return new HeadlessTray(f, server);
    }

    public Forwarder forwarder() {
        return forwarder;
    }

    /** The status endpoint's URL, or null without {@code --status-listen}. */
    public URI statusUri() {
        return statusServer == null ? null : statusServer.statusUri();
    }

    /** Stops the status endpoint, then the forwarder (goodbye within 2 s). */
    @Override
    public void close() {
        if (statusServer != null) {
            statusServer.close();
        }
        forwarder.close();
    }
}
