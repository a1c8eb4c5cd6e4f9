package dev.tether.gateway.store;

import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.MetricType;
import dev.tether.protocol.model.Sample;
import dev.tether.protocol.text.ExpositionFormat;
import dev.tether.protocol.text.ExpositionParser;
import dev.tether.protocol.text.ParseException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link RenderedFamily}'s pre-rendered lines back into samples, for the few readers that
 * need values rather than bytes (the status page's host details, remote write). It costs a parse of
 * the family, so it runs off the push path.
 */
public final class RenderedSamples {
    private RenderedSamples() {
    }

    /** The family's samples, {@code host} label included, without timestamps. */
    public static List<Sample> of(RenderedFamily f) {
        String type = f.type().textName() == null ? MetricType.UNKNOWN.textName() : f.type().textName();
        byte[] header = ("# TYPE " + f.name() + " " + type + "\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream text = new ByteArrayOutputStream(header.length + f.samples().length);
        text.writeBytes(header);
        text.writeBytes(f.samples());
        try {
            List<Sample> out = new ArrayList<>(f.series());
            for (MetricFamily parsed : ExpositionParser.parse(text.toByteArray(), ExpositionFormat.TEXT_004)) {
                out.addAll(parsed.samples());
            }
            return out;
        } catch (ParseException e) {
            // The store rendered these lines itself from parsed samples.
            throw new IllegalStateException("stored family " + f.name() + " does not parse: " + e.getMessage(), e);
        }
    }
}
