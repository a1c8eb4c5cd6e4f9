package dev.tether.gateway.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The current tokens of a file, re-read when its content changes (polled on a daemon thread, so
 * edits, renames over it and editors' save-by-replace all count). A file that becomes unreadable or
 * malformed is logged once and the previous good set stays in force.
 */
public final class TokenSource implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TokenSource.class.getName());

    private final Path file;
    private final boolean hostsRequired;
    private final String flag;
    private volatile TokenSet current;
    private byte[] contentHash;
    private String lastProblem;
    private ScheduledExecutorService poller;

    private TokenSource(Path file, boolean hostsRequired, String flag, TokenSet first, byte[] contentHash) {
        this.file = file;
        this.hostsRequired = hostsRequired;
        this.flag = flag;
        this.current = first;
        this.contentHash = contentHash;
    }

    /**
     * Reads the file once; a problem here is a start-up error.
     *
     * @param flag the flag that named the file, for messages
     */
    public static TokenSource open(Path file, boolean hostsRequired, String flag) throws TokenFileException {
        byte[] hash = hashOf(file, flag);
        TokenSet set = new TokenSet(TokenFile.read(file, hostsRequired));
        return new TokenSource(file, hostsRequired, flag, set, hash);
    }

    /** Starts polling the file every {@code interval}. */
    public synchronized TokenSource watch(Duration interval) {
        if (poller == null) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tether-gateway-tokens");
                t.setDaemon(true);
                return t;
            });
            long ms = Math.max(10, interval.toMillis());
            poller.scheduleWithFixedDelay(this::reloadIfChanged, ms, ms, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    public TokenSet current() {
        return current;
    }

    /** Re-reads the file if its content changed. Returns whether a new set is now in force. */
    public synchronized boolean reloadIfChanged() {
        try {
            byte[] hash = hashOf(file, flag);
            if (MessageDigest.isEqual(hash, contentHash)) {
                return false;
            }
            TokenSet set = new TokenSet(TokenFile.read(file, hostsRequired));
            current = set;
            contentHash = hash;
            lastProblem = null;
            LOG.info(flag + " " + file + " re-read: " + set.size() + " tokens");
            return true;
        } catch (TokenFileException e) {
            if (!e.getMessage().equals(lastProblem)) {
                lastProblem = e.getMessage();
                LOG.warning(flag + " " + e.getMessage() + "; keeping the previous " + current.size() + " tokens");
            }
            return false;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, flag + " " + file + ": reload failed; keeping the previous tokens", e);
            return false;
        }
    }

    private static byte[] hashOf(Path file, String flag) throws TokenFileException {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new TokenFileException(file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
