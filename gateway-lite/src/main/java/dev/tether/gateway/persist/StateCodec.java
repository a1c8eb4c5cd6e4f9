package dev.tether.gateway.persist;

import dev.tether.gateway.store.HostRecord;
import dev.tether.gateway.store.HostSnapshot;
import dev.tether.gateway.store.RenderedFamily;
import dev.tether.protocol.model.MetricType;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The binary state file: a magic and version, the host records with their pre-rendered families, and
 * a CRC-32 of all of it at the end, so that a truncated or damaged file is recognised instead of
 * half-loaded. Times are epoch milliseconds.
 */
final class StateCodec {
    private static final int MAGIC = 0x54475753; // "TGWS"
    private static final int VERSION = 1;
    private static final long NONE = Long.MIN_VALUE;

    private StateCodec() {
    }

    static void write(List<HostRecord> records, OutputStream raw) throws IOException {
        CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32());
        DataOutputStream out = new DataOutputStream(checked);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(records.size());
        for (HostRecord r : records) {
            writeString(out, r.host());
            writeTime(out, r.lastPush());
            out.writeLong(r.ttl() == null ? NONE : r.ttl().toMillis());
            writeTime(out, r.expiresAt());
            writeTime(out, r.pausedUntil());
            writeTime(out, r.leftAt());
            out.writeBoolean(r.lapseCounted());
            writeSnapshot(out, r.snapshot());
        }
        out.flush();
        long crc = checked.getChecksum().getValue();
        out.writeLong(crc);
        out.flush();
    }

    static List<HostRecord> read(InputStream raw) throws CorruptStateException {
        CheckedInputStream checked = new CheckedInputStream(raw, new CRC32());
        DataInputStream in = new DataInputStream(checked);
        try {
            if (in.readInt() != MAGIC) {
                throw new CorruptStateException("not a tether-gateway state file", null);
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new CorruptStateException("unknown state file version " + version, null);
            }
            int n = count(in.readInt());
            List<HostRecord> records = new ArrayList<>(Math.min(n, 1 << 16));
            for (int i = 0; i < n; i++) {
                String host = readString(in);
                Instant lastPush = readTime(in);
                long ttl = in.readLong();
                Instant expiresAt = readTime(in);
                Instant pausedUntil = readTime(in);
                Instant leftAt = readTime(in);
                boolean lapseCounted = in.readBoolean();
                HostSnapshot snapshot = readSnapshot(in);
                records.add(new HostRecord(host, snapshot, lastPush, ttl == NONE ? null : Duration.ofMillis(ttl),
                        expiresAt, pausedUntil, leftAt, lapseCounted));
            }
            long expected = checked.getChecksum().getValue();
            long stored = in.readLong();
            if (stored != expected) {
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

    /** A snapshot or {@code null}: a presence flag, then the families with their rendered lines. */
    static void writeSnapshot(DataOutputStream out, HostSnapshot s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeInt(s.families().size());
            for (RenderedFamily f : s.families()) {
                writeString(out, f.name());
                out.writeByte(f.type().ordinal());
                writeString(out, f.help());
                writeString(out, f.unit());
                out.writeInt(f.series());
                out.writeInt(f.samples().length);
                out.write(f.samples());
            }
        }
    }

    static HostSnapshot readSnapshot(DataInputStream in) throws IOException, CorruptStateException {
        if (!in.readBoolean()) {
            return null;
        }
        MetricType[] types = MetricType.values();
        int nf = count(in.readInt());
        List<RenderedFamily> families = new ArrayList<>(Math.min(nf, 1 << 16));
        for (int j = 0; j < nf; j++) {
            String name = readString(in);
            int type = in.readUnsignedByte();
            if (type >= types.length) {
                throw new CorruptStateException("bad metric type " + type, null);
            }
            String help = readString(in);
            String unit = readString(in);
            int series = in.readInt();
            byte[] samples = new byte[count(in.readInt())];
            in.readFully(samples);
            families.add(new RenderedFamily(name, types[type], help, unit, series, samples));
        }
        return HostSnapshot.of(families);
    }

    static int count(int n) throws CorruptStateException {
        if (n < 0) {
            throw new CorruptStateException("negative count " + n, null);
        }
        return n;
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException, CorruptStateException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > (64 << 20)) {
            throw new CorruptStateException("bad string length " + n, null);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    static void writeTime(DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t == null ? NONE : t.toEpochMilli());
    }

    static Instant readTime(DataInputStream in) throws IOException {
        long ms = in.readLong();
        return ms == NONE ? null : Instant.ofEpochMilli(ms);
    }
}
