package dev.tether.gateway.persist;

import dev.tether.gateway.metrics.GatewayMetrics;
import dev.tether.gateway.store.GroupStore;
import dev.tether.gateway.store.HostStore;

import java.io.IOException;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Writes the store to the {@link StateFile} when it changed since the last write. Called on an
 * interval and once at shutdown. A failed write (full disk, unwritable directory) is logged and
 * counted, and serving goes on; the next interval tries again.
 */
public final class StatePersister {
    private static final Logger LOG = Logger.getLogger(StatePersister.class.getName());

    private final LongSupplier version;
    private final Writer writer;
    private final StateFile file;
    private final GatewayMetrics metrics;
    private long writtenVersion;
    private boolean lastFailed;

    /** Writes the whole state to the file. */
    @FunctionalInterface
    public interface Writer {
        void write() throws IOException;
    }

    public StatePersister(HostStore store, StateFile file, GatewayMetrics metrics) {
        this(store::version, () -> file.write(store.view().records()), file, metrics, -1);
    }

    /**
     * The Pushgateway groups' persister. It writes nothing until the groups first change (version 0
     * is an empty store that restored nothing), so a gateway that never sees a group has no groups file.
     */
    public StatePersister(GroupStore groups, StateFile file, GatewayMetrics metrics) {
        this(groups::version, () -> file.writeGroups(groups.view().groups()), file, metrics, 0);
    }

    private StatePersister(LongSupplier version, Writer writer, StateFile file, GatewayMetrics metrics, long written) {
        this.version = version;
        this.writer = writer;
        this.file = file;
        this.metrics = metrics;
        this.writtenVersion = written;
    }

    /**
     * Writes the state if it changed.
     *
     * @return whether the state is now on disk
     */
    public synchronized boolean persist() {
        long current = version.getAsLong();
        if (current == writtenVersion) {
            return true;
        }
        try {
            writer.write();
            writtenVersion = current;
            if (lastFailed) {
                LOG.info("state written to " + file.path() + " again");
            }
            lastFailed = false;
            return true;
        } catch (IOException | RuntimeException e) {
            metrics.persistError();
            // Log each run of failures once, not every interval.
            if (!lastFailed) {
                LOG.warning("cannot write state to " + file.path() + ": " + e + "; serving goes on, will retry");
            }
            lastFailed = true;
            return false;
        }
    }
}
