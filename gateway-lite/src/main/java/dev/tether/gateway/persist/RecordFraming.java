package dev.tether.gateway.persist;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The framing every state file shares: a magic, a version, a record count, the records, and a CRC-32
 * of all of it at the end, so that a truncated or damaged file is recognised instead of half-loaded.
 * The codecs ({@link StateCodec} for hosts, {@link GroupStateCodec} for Pushgateway groups) only say
 * how one record is written and read.
 */
final class RecordFraming {

    /** Writes one record. */
    @FunctionalInterface
    interface RecordWriter<T> {
        void write(DataOutputStream out, T record) throws IOException;
    }

    /** Reads one record. */
    @FunctionalInterface
    interface RecordReader<T> {
        T read(DataInputStream in) throws IOException, CorruptStateException;
    }

    private RecordFraming() {
    }

    static <T> void write(int magic, int version, List<T> records, OutputStream raw, RecordWriter<T> writer)
            throws IOException {
        CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32());
        DataOutputStream out = new DataOutputStream(checked);
        out.writeInt(magic);
        out.writeInt(version);
        out.writeInt(records.size());
        for (T r : records) {
            writer.write(out, r);
        }
        out.flush();
        out.writeLong(checked.getChecksum().getValue());
        out.flush();
    }

    /**
     * @param what the kind of file, for messages: {@code state file}
     */
    static <T> List<T> read(int magic, int version, String what, InputStream raw, RecordReader<T> reader)
            throws CorruptStateException {
        CheckedInputStream checked = new CheckedInputStream(raw, new CRC32());
        DataInputStream in = new DataInputStream(checked);
        try {
            if (in.readInt() != magic) {
                throw new CorruptStateException("not a tether-gateway " + what, null);
            }
            int found = in.readInt();
            if (found != version) {
                throw new CorruptStateException("unknown " + what + " version " + found, null);
            }
            int n = StateCodec.count(in.readInt());
            List<T> records = new ArrayList<>(Math.min(n, 1 << 16));
            for (int i = 0; i < n; i++) {
                records.add(reader.read(in));
            }
            long expected = checked.getChecksum().getValue();
            if (in.readLong() != expected) {
                throw new CorruptStateException("checksum mismatch", null);
            }
            if (in.read() != -1) {
                throw new CorruptStateException("trailing bytes after the checksum", null);
            }
            return records;
        } catch (EOFException e) {
            throw new CorruptStateException("truncated", e);
        } catch (IOException | RuntimeException e) {
            throw new CorruptStateException("unreadable: " + e.getMessage(), e);
        }
    }
}
