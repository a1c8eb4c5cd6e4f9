package dev.tether.tray.label;

import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.Sample;
import dev.tether.protocol.push.PushProtocol;
import dev.tether.protocol.text.FormatConversion;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts a target's families into the shape they are pushed in: text 0.0.4 conventions (so families
 * of different targets merge by name), {@code job} and {@code instance} on every sample, no
 * timestamps. A {@code job} or {@code instance} label the target set itself is kept as
 * {@code exported_job}/{@code exported_instance}, as a Prometheus scrape without honor_labels would.
 */
public final class TargetLabeller {
    private static final String JOB = PushProtocol.JOB_LABEL;
    private static final String INSTANCE = PushProtocol.INSTANCE_LABEL;

    private TargetLabeller() {
    }

    public static List<MetricFamily> label(List<MetricFamily> families, String job, String instance) {
        List<MetricFamily> out = new ArrayList<>(families.size());
        for (MetricFamily raw : families) {
            for (MetricFamily f : FormatConversion.forText004(raw)) {
                List<Sample> samples = new ArrayList<>(f.samples().size());
                for (Sample s : f.samples()) {
                    samples.add(new Sample(s.name(), relabel(s.labels(), job, instance), s.value()));
                }
                out.add(f.withSamples(samples));
            }
        }
        return out;
    }

    static Labels relabel(Labels labels, String job, String instance) {
        Labels l = labels;
        l = moveAside(l, JOB);
        l = moveAside(l, INSTANCE);
        return l.with(JOB, job).with(INSTANCE, instance);
    }

    private static Labels moveAside(Labels l, String name) {
        String v = l.get(name);
        if (v == null) {
            return l;
        }
        return l.without(name).with("exported_" + name, v);
    }
}
