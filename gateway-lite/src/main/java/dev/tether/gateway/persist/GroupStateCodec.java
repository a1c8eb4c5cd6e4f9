package dev.tether.gateway.persist;

import dev.tether.gateway.store.GroupRecord;
import dev.tether.gateway.store.HostSnapshot;
import dev.tether.protocol.model.Labels;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The Pushgateway groups' state file, {@code <data-dir>/groups}: the same framing as the hosts'
 * ({@link StateCodec}: magic, version, records, CRC-32) with group records: grouping labels, push
 * and failure times, TTL, expiry, and the families as the hosts' are stored.
 */
final class GroupStateCodec {
    private static final int MAGIC = 0x54475747; // "TGWG"
    private static final int VERSION = 1;
    private static final long NONE = Long.MIN_VALUE;

    private GroupStateCodec() {
    }

    static void write(List<GroupRecord> records, OutputStream raw) throws IOException {
        CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32());
        DataOutputStream out = new DataOutputStream(checked);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(records.size());
        for (GroupRecord r : records) {
            Labels key = r.key();
            out.writeInt(key.size());
            for (int i = 0; i < key.size(); i++) {
                StateCodec.writeString(out, key.name(i));
                StateCodec.writeString(out, key.value(i));
            }
            StateCodec.writeTime(out, r.pushTime());
            StateCodec.writeTime(out, r.failureTime());
            out.writeLong(r.ttl() == null ? NONE : r.ttl().toMillis());
            StateCodec.writeTime(out, r.expiresAt());
            out.writeBoolean(r.lapseCounted());
            StateCodec.writeSnapshot(out, r.snapshot());
        }
        out.flush();
        out.writeLong(checked.getChecksum().getValue());
        out.flush();
    }

    static List<GroupRecord> read(InputStream raw) throws CorruptStateException {
        CheckedInputStream checked = new CheckedInputStream(raw, new CRC32());
        DataInputStream in = new DataInputStream(checked);
        try {
            if (in.readInt() != MAGIC) {
                throw new CorruptStateException("not a tether-gateway groups file", null);
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new CorruptStateException("unknown groups file version " + version, null);
            }
            int n = StateCodec.count(in.readInt());
            List<GroupRecord> records = new ArrayList<>(Math.min(n, 1 << 16));
            for (int i = 0; i < n; i++) {
                int nl = StateCodec.count(in.readInt());
                String[] names = new String[Math.min(nl, 1 << 10)];
                String[] values = new String[names.length];
                if (nl > names.length) {
                    throw new CorruptStateException("bad label count " + nl, null);
                }
                for (int j = 0; j < nl; j++) {
                    names[j] = StateCodec.readString(in);
                    values[j] = StateCodec.readString(in);
                }
                Labels key = Labels.fromArrays(names, values, nl);
                Instant pushTime = StateCodec.readTime(in);
                Instant failureTime = StateCodec.readTime(in);
                long ttl = in.readLong();
                Instant expiresAt = StateCodec.readTime(in);
                boolean lapseCounted = in.readBoolean();
                HostSnapshot snapshot = StateCodec.readSnapshot(in);
                records.add(new GroupRecord(key, snapshot, pushTime, failureTime,
                        ttl == NONE ? null : Duration.ofMillis(ttl), expiresAt, lapseCounted));
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
