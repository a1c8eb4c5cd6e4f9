package dev.tether.gateway.http;

import dev.tether.gateway.store.HostSnapshot;
import dev.tether.gateway.store.RenderedFamily;
import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.Sample;
import dev.tether.protocol.push.PushProtocol;
import dev.tether.protocol.text.ExpositionFormat;
import dev.tether.protocol.text.ExpositionParser;
import dev.tether.protocol.text.ExpositionWriter;
import dev.tether.protocol.text.FormatConversion;
import dev.tether.protocol.text.ParseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a push body into a {@link HostSnapshot}: parses it as it streams in, normalises each family
 * to the text 0.0.4 convention (so families merge by name whatever format was pushed), forces the
 * {@code host} label and renders the sample lines once. Refuses, with {@link HttpError}: malformed
 * text, timestamps, names the gateway reserves for itself, a family or series given twice, and more
 * series than the host may have.
 */
public final class SnapshotReader {
    /** Families the gateway writes itself; a push may not shadow them. */
    private static final String[] RESERVED_PREFIXES = {"tether_host_", "tether_gateway_"};

    private final String host;
    private final int maxSeries;
    private final List<RenderedFamily> families = new ArrayList<>();
    private final Set<String> familyNames = new HashSet<>();
    private final Set<SeriesKey> seriesKeys = new HashSet<>(1024);
    private final StringBuilder sb = new StringBuilder(8192);
    private int series;

    /** One series: a sample name and its labels, the host label included. */
    private record SeriesKey(String name, Labels labels) {
    }

    private SnapshotReader(String host, int maxSeries) {
        this.host = host;
        this.maxSeries = maxSeries;
    }

    /**
     * @throws HttpError for every refusal
     * @throws IOException when reading the body fails
     */
    public static HostSnapshot read(String host, InputStream body, ExpositionFormat format, int maxSeries)
            throws IOException {
        SnapshotReader r = new SnapshotReader(host, maxSeries);
        try {
            ExpositionParser.parse(body, format, r::accept);
        } catch (ParseException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        return HostSnapshot.of(r.families);
    }

    private void accept(MetricFamily pushed) {
        for (MetricFamily f : FormatConversion.forText004(pushed)) {
            add(f);
        }
    }

    private void add(MetricFamily f) {
        for (String prefix : RESERVED_PREFIXES) {
            if (f.name().startsWith(prefix)) {
                throw HttpError.badRequest("metric family '" + f.name() + "' uses the prefix " + prefix
                        + ", which the gateway reserves for its own metrics");
            }
        }
        if (!familyNames.add(f.name())) {
            throw HttpError.badRequest("metric family '" + f.name() + "' appears twice in the push");
        }
        sb.setLength(0);
        for (Sample s : f.samples()) {
            if (s.hasTimestamp()) {
                throw HttpError.badRequest("sample " + s.name() + s.labels() + " has a timestamp; the gateway"
                        + " stores snapshots without timestamps");
            }
            if (++series > maxSeries) {
                throw HttpError.tooLarge("host '" + host + "' pushed more than " + maxSeries
                        + " series (--max-series-per-host)");
            }
            Labels labels = s.labels().with(PushProtocol.HOST_LABEL, host);
            // Keyed by the model objects, whose hashes are cached, rather than by the rendered text.
            if (!seriesKeys.add(new SeriesKey(s.name(), labels))) {
                throw HttpError.badRequest("series " + s.name() + labels
                        + " appears twice in the push (a pushed host label is replaced by the URL's)");
            }
            ExpositionWriter.writeSample(s.withLabels(labels), ExpositionFormat.TEXT_004, sb);
        }
        byte[] lines = sb.toString().getBytes(StandardCharsets.UTF_8);
        families.add(new RenderedFamily(f.name(), f.type(), f.help(), f.unit(), f.samples().size(), lines));
    }
}
