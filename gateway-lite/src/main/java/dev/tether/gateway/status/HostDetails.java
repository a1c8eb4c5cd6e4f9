package dev.tether.gateway.status;

import dev.tether.gateway.http.ListHostsHandler;
import dev.tether.gateway.store.HostRecord;
import dev.tether.gateway.store.HostSnapshot;
import dev.tether.gateway.store.RenderedFamily;
import dev.tether.gateway.store.RenderedSamples;
import dev.tether.gateway.store.StoreView;
import dev.tether.protocol.model.Sample;
import dev.tether.protocol.push.PushProtocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One host as the status page shows it: the fields of {@code GET /api/v1/hosts}, plus the names of
 * the families it serves now and its tray targets with their {@code tether_target_up} values.
 */
final class HostDetails {
    /** The family the tray adds per local target: 1 when the local scrape worked. */
    static final String TARGET_UP = "tether_target_up";

    private HostDetails() {
    }

    /** The host named {@code host} in {@code view}, or {@code null} when the store does not keep it. */
    static Map<String, Object> of(StoreView view, String host) {
        for (HostRecord r : view.records()) {
            if (r.host().equals(host)) {
                return of(view, r);
            }
        }
        return null;
    }

    private static Map<String, Object> of(StoreView view, HostRecord r) {
        Map<String, Object> m = new LinkedHashMap<>(ListHostsHandler.describe(new StoreView(view.now(), List.of(r))).get(0));
        List<Map<String, Object>> families = new ArrayList<>();
        List<Map<String, Object>> targets = new ArrayList<>();
        HostSnapshot live = r.liveSnapshot(view.now());
        if (live != null) {
            for (RenderedFamily f : live.families()) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("name", f.name());
                fm.put("type", f.type().textName() == null ? f.type().openMetricsName() : f.type().textName());
                fm.put("series", f.series());
                families.add(fm);
                if (f.name().equals(TARGET_UP)) {
                    for (Sample s : RenderedSamples.of(f)) {
                        Map<String, Object> t = new LinkedHashMap<>();
                        t.put("job", s.labels().get(PushProtocol.JOB_LABEL));
                        t.put("instance", s.labels().get(PushProtocol.INSTANCE_LABEL));
                        t.put("up", s.value());
                        targets.add(t);
                    }
                }
            }
        }
        families.sort((a, b) -> ((String) a.get("name")).compareTo((String) b.get("name")));
        m.put("families", families);
        m.put("targets", targets);
        return m;
    }
}
