package dev.tether.gateway.remotewrite;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes a remote write 1.0 {@code prometheus.WriteRequest} by hand (no protobuf runtime):
 * <pre>
 * WriteRequest { repeated TimeSeries timeseries = 1; }
 * TimeSeries   { repeated Label labels = 1; repeated Sample samples = 2; }
 * Label        { string name = 1; string value = 2; }
 * Sample       { double value = 1; int64 timestamp = 2; }
 * </pre>
 * Sizes are computed before writing, so every message is written once, straight into one array.
 */
final class WriteRequestEncoder {
    private static final int LEN = 2;
    private static final int I64 = 1;
    private static final int VARINT = 0;

    private byte[] buf = new byte[1 << 16];
    private int size;

    private WriteRequestEncoder() {
    }

    static byte[] encode(List<TimeSeries> series) {
        WriteRequestEncoder e = new WriteRequestEncoder();
        for (TimeSeries ts : series) {
            e.timeSeries(ts);
        }
        return Arrays.copyOf(e.buf, e.size);
    }

    private void timeSeries(TimeSeries ts) {
        String[] l = ts.labels();
        byte[][] utf8 = new byte[l.length][];
        int body = 0;
        for (int i = 0; i < l.length; i += 2) {
            utf8[i] = l[i].getBytes(StandardCharsets.UTF_8);
            utf8[i + 1] = l[i + 1].getBytes(StandardCharsets.UTF_8);
            int label = fieldSize(utf8[i].length) + fieldSize(utf8[i + 1].length);
            body += fieldSize(label);
        }
        int sample = 1 + 8 + 1 + varintSize(ts.timestampMillis());
        body += fieldSize(sample);

        tag(1, LEN);
        varint(body);
        for (int i = 0; i < l.length; i += 2) {
            tag(1, LEN);
            varint(fieldSize(utf8[i].length) + fieldSize(utf8[i + 1].length));
            bytesField(1, utf8[i]);
            bytesField(2, utf8[i + 1]);
        }
        tag(2, LEN);
        varint(sample);
        tag(1, I64);
        fixed64(ts.valueBits());
        tag(2, VARINT);
        varint(ts.timestampMillis());
    }

    /** Tag byte plus length plus payload of a length-delimited field with a one-byte tag. */
    private static int fieldSize(int payload) {
        return 1 + varintSize(payload) + payload;
    }

    private static int varintSize(long v) {
        int n = 1;
        while ((v & ~0x7fL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    private void bytesField(int field, byte[] b) {
        tag(field, LEN);
        varint(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    private void tag(int field, int wireType) {
        varint(field << 3 | wireType);
    }

    private void varint(long v) {
        ensure(10);
        while ((v & ~0x7fL) != 0) {
            buf[size++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    private void fixed64(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }
}
