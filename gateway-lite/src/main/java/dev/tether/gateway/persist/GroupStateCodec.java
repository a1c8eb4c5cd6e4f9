package dev.tether.gateway.persist;

import dev.tether.gateway.store.GroupRecord;
import dev.tether.gateway.store.HostSnapshot;
import dev.tether.protocol.model.Labels;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The Pushgateway groups' state file, {@code <data-dir>/groups}: the same framing as the hosts'
 * ({@link RecordFraming}: magic, version, records, CRC-32) with group records: grouping labels, push
 * and failure times, TTL, expiry, and the families as the hosts' are stored.
 */
final class GroupStateCodec {
    private static final int MAGIC = 0x54475747; // "TGWG"
    private static final int VERSION = 1;
    private static final long NONE = Long.MIN_VALUE;

    private GroupStateCodec() {
    }

    static void write(List<GroupRecord> records, OutputStream raw) throws IOException {
        RecordFraming.write(MAGIC, VERSION, records, raw, GroupStateCodec::writeGroup);
    }

    static List<GroupRecord> read(InputStream raw) throws CorruptStateException {
        return RecordFraming.read(MAGIC, VERSION, "groups file", raw, GroupStateCodec::readGroup);
    }

    private static void writeGroup(DataOutputStream out, GroupRecord r) throws IOException {
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

    private static GroupRecord readGroup(DataInputStream in) throws IOException, CorruptStateException {
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
        return new GroupRecord(key, snapshot, pushTime, failureTime,
                ttl == NONE ? null : Duration.ofMillis(ttl), expiresAt, lapseCounted);
    }
}
