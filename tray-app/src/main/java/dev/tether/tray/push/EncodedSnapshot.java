package dev.tether.tray.push;

import dev.tether.protocol.text.ExpositionFormat;
import dev.tether.protocol.text.ExpositionWriter;
import dev.tether.tray.label.Snapshot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * A snapshot written once as gzip'd text 0.0.4, shared by every gateway push of a cycle.
 *
 * @param gzip the body to send
 * @param rawBytes the size before compression
 */
public record EncodedSnapshot(byte[] gzip, int rawBytes, int series) {
    public static EncodedSnapshot of(Snapshot s) {
        byte[] raw = ExpositionWriter.writeUtf8(s.families(), ExpositionFormat.TEXT_004);
        ByteArrayOutputStream bos = new ByteArrayOutputStream(raw.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EncodedSnapshot(bos.toByteArray(), raw.length, s.series());
    }
}
