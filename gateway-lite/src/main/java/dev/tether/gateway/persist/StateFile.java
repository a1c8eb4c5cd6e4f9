package dev.tether.gateway.persist;

import dev.tether.gateway.store.GroupRecord;
import dev.tether.gateway.store.HostRecord;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.logging.Logger;

/**
 * {@code <data-dir>/state}: written to a temporary file, forced to disk, then renamed over the old
 * one, so a crash at any moment leaves either the old state or the new one. Reading a damaged file
 * moves it aside as {@code state.corrupt-<time>} and yields an empty state.
 */
public final class StateFile {
    private static final Logger LOG = Logger.getLogger(StateFile.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final String name;
    private final Clock clock;

    /** Encodes a whole state to a stream. */
    private interface Encoder {
        void write(OutputStream out) throws IOException;
    }

    /** Decodes a whole state from a stream. */
    private interface Decoder<T> {
        List<T> read(InputStream in) throws CorruptStateException;
    }

    /** The hosts' file, {@code <dir>/state}. */
    public StateFile(Path dir, Clock clock) {
        this(dir, "state", clock);
    }

    /** A state file named {@code name} in {@code dir}: {@code groups} holds the Pushgateway groups. */
    public StateFile(Path dir, String name, Clock clock) {
        this.dir = dir;
        this.name = name;
        this.clock = clock;
    }

    public Path path() {
        return dir.resolve(name);
    }

    /** Writes {@code records} atomically. */
    public void write(List<HostRecord> records) throws IOException {
        write(out -> StateCodec.write(records, out));
    }

    /** Writes the Pushgateway groups atomically (use a file named {@code groups}). */
    public void writeGroups(List<GroupRecord> records) throws IOException {
        write(out -> GroupStateCodec.write(records, out));
    }

    private void write(Encoder encoder) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(name + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            encoder.write(out);
            out.flush();
            ch.force(true);
        }
        try {
            Files.move(tmp, path(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, path(), StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory();
    }

    /** So the rename itself survives a power cut; not every file system allows it, hence best effort. */
    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The data is on disk already; only the rename's durability is less certain.
        }
    }

    /**
     * The stored records, or an empty list when there is no file, it cannot be read, or it is
     * damaged (then it is moved aside and logged). Never throws.
     */
    public List<HostRecord> read() {
        return read(StateCodec::read, "hosts");
    }

    /** The stored Pushgateway groups, as {@link #read()} does for hosts. Never throws. */
    public List<GroupRecord> readGroups() {
        return read(GroupStateCodec::read, "groups");
    }

    private <T> List<T> read(Decoder<T> decoder, String what) {
        Path p = path();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(p), 1 << 16)) {
            List<T> records = decoder.read(in);
            LOG.info("restored " + records.size() + " " + what + " from " + p);
            return records;
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            LOG.warning("cannot read state file " + p + ": " + e + "; starting empty");
            return List.of();
        } catch (CorruptStateException e) {
            Path aside = dir.resolve(name + ".corrupt-" + STAMP.format(clock.instant()));
            try {
                Files.move(p, aside, StandardCopyOption.REPLACE_EXISTING);
                LOG.warning("state file " + p + " is corrupt (" + e.getMessage() + "); moved it to " + aside
                        + " and starting empty");
            } catch (IOException moveFailed) {
                LOG.warning("state file " + p + " is corrupt (" + e.getMessage() + ") and could not be moved aside ("
                        + moveFailed + "); starting empty");
            }
            return List.of();
        }
    }
}
