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
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Turns a push body into a {@link HostSnapshot}: parses it as it streams in, normalises each family
 * to the text 0.0.4 convention (so families merge by name whatever format was pushed), forces the
 * {@code host} label and renders the sample lines once. Refuses, with {@link HttpError}: malformed
 * text, timestamps, names the gateway reserves for itself, a family or series given twice, and more
 * series than the host may have.
 */
public final class SnapshotReader {
    /** Families the gateway writes itself; a push may not shadow them. */
    private static final String[] RESERVED_PREFIXES = {"tether_host_", "tether_gateway_", "tether_group_"};
    /** The Pushgateway groups' push and failure times, which the gateway writes for each group. */
    private static final Set<String> RESERVED_NAMES = Set.of("push_time_seconds", "push_failure_time_seconds");

    private final String owner;
    private final UnaryOperator<Labels> labeller;
    private final String limitFlag;
    private final String forcedWhat;

    /** Where a pushed {@code host} label that the URL overrides is kept. */
    static final String EXPORTED_HOST_LABEL = "exported_host";
    private final int maxSeries;
    private final List<RenderedFamily> families = new ArrayList<>();
    private final Set<String> familyNames = new HashSet<>();
    private final Set<SeriesKey> seriesKeys = new HashSet<>(1024);
    private final StringBuilder sb = new StringBuilder(8192);
    private int series;

    /** One series: a sample name and its labels, the host label included. */
    private record SeriesKey(String name, Labels labels) {
    }

    /** Where the families come from: a parser that hands each one to {@code sink} as it is read. */
    @FunctionalInterface
    public interface Source {
        void parse(Consumer<MetricFamily> sink) throws IOException, ParseException;
    }

    private SnapshotReader(String owner, UnaryOperator<Labels> labeller, int maxSeries, String limitFlag, String forcedWhat) {
        this.owner = owner;
        this.labeller = labeller;
        this.maxSeries = maxSeries;
        this.limitFlag = limitFlag;
        this.forcedWhat = forcedWhat;
    }

    /**
     * @throws HttpError for every refusal
     * @throws IOException when reading the body fails
     */
    public static HostSnapshot read(String host, InputStream body, ExpositionFormat format, int maxSeries)
            throws IOException {
        return read("host '" + host + "'", labels -> forceHost(labels, host), maxSeries,
                "--max-series-per-host", "the host label is the URL's; a pushed one is kept as exported_host",
                sink -> ExpositionParser.parse(body, format, sink));
    }

    /**
     * Sets {@code host} to the URL's host. A different pushed {@code host} (an HTTP client's target
     * host, say) is kept as {@code exported_host}, as Prometheus does for a target label it overrides:
     * dropping it would lose the information and could make two series one.
     */
    static Labels forceHost(Labels labels, String host) {
        String pushed = labels.get(PushProtocol.HOST_LABEL);
        if (pushed != null && !pushed.equals(host) && !labels.contains(EXPORTED_HOST_LABEL)) {
            labels = labels.with(EXPORTED_HOST_LABEL, pushed);
        }
        return labels.with(PushProtocol.HOST_LABEL, host);
    }

    /**
     * The same checks for any owner of pushed series (a host, a Pushgateway group).
     *
     * @param owner how messages name the pusher: {@code host 'a'}
     * @param labeller forces the owner's labels onto each sample's labels
     * @param limitFlag the flag named when there are more than {@code maxSeries} series
     * @param forcedWhat what the message on a series given twice says about forced labels
     */
    public static HostSnapshot read(String owner, UnaryOperator<Labels> labeller, int maxSeries, String limitFlag,
                                    String forcedWhat, Source source) throws IOException {
        SnapshotReader r = new SnapshotReader(owner, labeller, maxSeries, limitFlag, forcedWhat);
        try {
            source.parse(r::accept);
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
        if (RESERVED_NAMES.contains(f.name())) {
            throw HttpError.badRequest("metric family '" + f.name() + "' is written by the gateway for each"
                    + " Pushgateway group and cannot be pushed");
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
                throw HttpError.tooLarge(owner + " pushed more than " + maxSeries + " series (" + limitFlag + ")");
            }
            Labels labels = labeller.apply(s.labels());
            // Keyed by the model objects, whose hashes are cached, rather than by the rendered text.
            if (!seriesKeys.add(new SeriesKey(s.name(), labels))) {
                throw HttpError.badRequest("series " + s.name() + labels
                        + " appears twice in the push (" + forcedWhat + ")");
            }
            ExpositionWriter.writeSample(s.withLabels(labels), ExpositionFormat.TEXT_004, sb);
        }
        byte[] lines = sb.toString().getBytes(StandardCharsets.UTF_8);
        families.add(new RenderedFamily(f.name(), f.type(), f.help(), f.unit(), f.samples().size(), lines));
    }
}
