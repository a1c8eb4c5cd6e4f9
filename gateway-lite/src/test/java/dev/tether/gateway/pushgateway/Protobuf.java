package dev.tether.gateway.pushgateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal protobuf writer for tests: builds {@code io.prometheus.client.MetricFamily} messages
 * field by field, as a real client would encode them, and delimits them.
 */
final class Protobuf {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static Protobuf message() {
        return new Protobuf();
    }

    Protobuf string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Protobuf bytes(int field, byte[] value) {
        varint(out, (long) field << 3 | 2);
        varint(out, value.length);
        out.writeBytes(value);
        return this;
    }

    Protobuf message(int field, Protobuf nested) {
        return bytes(field, nested.toBytes());
    }

    Protobuf varint(int field, long value) {
        varint(out, (long) field << 3);
        varint(out, value);
        return this;
    }

    Protobuf dbl(int field, double value) {
        varint(out, (long) field << 3 | 1);
        long bits = Double.doubleToLongBits(value);
        for (int i = 0; i < 8; i++) {
            out.write((int) (bits >>> (8 * i)) & 0xff);
        }
        return this;
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    /** The messages, each preceded by its varint length. */
    static byte[] delimited(Protobuf... messages) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Protobuf m : messages) {
            byte[] b = m.toBytes();
            varint(all, b.length);
            all.writeBytes(b);
        }
        return all.toByteArray();
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** A label pair {name = 1, value = 2}. */
    static Protobuf label(String name, String value) {
        return message().string(1, name).string(2, value);
    }

    /** A gauge family of one metric with the given labels. */
    static Protobuf gauge(String name, double value, Protobuf... labels) {
        Protobuf metric = message();
        for (Protobuf l : labels) {
            metric.message(1, l);
        }
        metric.message(2, message().dbl(1, value));
        return message().string(1, name).string(2, "help of " + name).varint(3, 1).message(4, metric);
    }

    static final String CONTENT_TYPE =
            "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";
}
