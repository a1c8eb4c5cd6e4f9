package dev.tether.tray.status;

import dev.tether.protocol.json.Json;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link TrayStatus} as the JSON of {@code GET /status}; times are RFC 3339, durations in seconds. */
public final class StatusJson {
    private StatusJson() {
    }

    public static String write(TrayStatus s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("host", s.host());
        o.put("version", s.version());
        o.put("running", s.running());
        o.put("paused", s.paused());
        o.put("state", s.overall().name().toLowerCase(java.util.Locale.ROOT));
        o.put("lastCycleAt", time(s.lastCycleAt()));
        o.put("typeConflictsTotal", s.typeConflictsTotal());
        List<Object> targets = new ArrayList<>();
        for (TargetStatus t : s.targets()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", t.kind());
            m.put("job", t.job());
            m.put("instance", t.instance());
            if (t.pid() >= 0) {
                m.put("pid", t.pid());
            }
            m.put("url", t.url().toString());
            m.put("state", t.state().name().toLowerCase(java.util.Locale.ROOT));
            m.put("series", t.series());
            m.put("scrapeSeconds", seconds(t.scrapeDuration()));
            m.put("error", t.error());
            m.put("conflicts", t.conflicts());
            targets.add(m);
        }
        o.put("targets", targets);
        List<Object> gateways = new ArrayList<>();
        for (GatewayStatus g : s.gateways()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", g.url().toString());
            m.put("state", g.state().name().toLowerCase(java.util.Locale.ROOT));
            m.put("lastPushAt", time(g.lastPushAt()));
            m.put("lastAttemptAt", time(g.lastAttemptAt()));
            m.put("latencySeconds", seconds(g.latency()));
            m.put("bytes", g.bytes());
            m.put("series", g.series());
            m.put("lastStatus", g.lastStatus());
            m.put("error", g.error());
            m.put("consecutiveFailures", g.consecutiveFailures());
            m.put("nextAttemptAt", time(g.nextAttemptAt()));
            gateways.add(m);
        }
        o.put("gateways", gateways);
        return Json.write(o);
    }

    private static String time(Instant i) {
        return i == null ? null : i.toString();
    }

    private static Double seconds(Duration d) {
        return d == null ? null : d.toNanos() / 1e9;
    }
}
