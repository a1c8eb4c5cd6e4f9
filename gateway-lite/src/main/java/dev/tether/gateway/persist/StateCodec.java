package dev.tether.gateway.persist;

import dev.tether.gateway.store.HostRecord;
import dev.tether.gateway.store.HostSnapshot;
import dev.tether.gateway.store.RenderedFamily;
import dev.tether.protocol.model.MetricType;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The hosts' state file, {@code <data-dir>/state}: the shared framing ({@link RecordFraming}: magic,
 * version, records, CRC-32) with host records and their pre-rendered families. Also the field codecs
 * that the groups' file reuses. Times are epoch milliseconds.
 */
final class StateCodec {
    private static final int MAGIC = 0x54475753; // "TGWS"
    private static final int VERSION = 1;
    private static final long NONE = Long.MIN_VALUE;

    private StateCodec() {
    }

    static void write(List<HostRecord> records, OutputStream raw) throws IOException {
        RecordFraming.write(MAGIC, VERSION, records, raw, StateCodec::writeHost);
    }

    static List<HostRecord> read(InputStream raw) throws CorruptStateException {
        return RecordFraming.read(MAGIC, VERSION, "state file", raw, StateCodec::readHost);
    }

    private static void writeHost(DataOutputStream out, HostRecord r) throws IOException {
        writeString(out, r.host());
        writeTime(out, r.lastPush());
        out.writeLong(r.ttl() == null ? NONE : r.ttl().toMillis());
        writeTime(out, r.expiresAt());
        writeTime(out, r.pausedUntil());
        writeTime(out, r.leftAt());
        out.writeBoolean(r.lapseCounted());
        writeSnapshot(out, r.snapshot());
    }

    private static HostRecord readHost(DataInputStream in) throws IOException, CorruptStateException {
        String host = readString(in);
        Instant lastPush = readTime(in);
        long ttl = in.readLong();
        Instant expiresAt = readTime(in);
        Instant pausedUntil = readTime(in);
        Instant leftAt = readTime(in);
        boolean lapseCounted = in.readBoolean();
        HostSnapshot snapshot = readSnapshot(in);
        return new HostRecord(host, snapshot, lastPush, ttl == NONE ? null : Duration.ofMillis(ttl),
                expiresAt, pausedUntil, leftAt, lapseCounted);
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
