package dev.tether.tray.core;

import dev.tether.tray.discovery.Target;
import dev.tether.tray.label.TypeConflict;
import dev.tether.tray.log.TrayLog;
import dev.tether.tray.scrape.ScrapeResult;
import dev.tether.tray.status.TargetStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns each cycle's results into target statuses, and says what changed: one line when a target
 * goes down (or its reason changes), one when it is back, one when a type conflict appears; nothing
 * while things stay as they were, so a problem that lasts all night is one line. The cycle thread's own.
 */
final class TargetReport {
    private final TrayLog log;
    private Map<String, String> downReasons = new HashMap<>();
    private Set<String> conflictsSeen = new HashSet<>();

    TargetReport(TrayLog log) {
        this.log = log;
    }

    List<TargetStatus> update(List<ScrapeResult> results, int[] series, List<TypeConflict> conflicts) {
        logScrapeChanges(results);
        Set<String> nowConflicts = new HashSet<>();
        for (TypeConflict c : conflicts) {
            String line = c.toString();
            nowConflicts.add(line);
            if (!conflictsSeen.contains(line)) {
                log.warn(line);
            }
        }
        conflictsSeen = nowConflicts;

        List<TargetStatus> out = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            ScrapeResult r = results.get(i);
            Target t = r.target();
            List<String> mine = new ArrayList<>();
            for (TypeConflict c : conflicts) {
                if (c.droppedFrom().equals(t.id())) {
                    mine.add(c.toString());
                }
            }
            TargetStatus.State state = t.isDead() ? TargetStatus.State.DEAD
                    : r.up() ? TargetStatus.State.UP : TargetStatus.State.DOWN;
            out.add(new TargetStatus(t.kind().name().toLowerCase(Locale.ROOT), t.job(), t.instance(), t.pid(),
                    t.url(), state, series[i], r.duration(), r.error(), mine));
        }
        return out;
    }

    private void logScrapeChanges(List<ScrapeResult> results) {
        Map<String, String> now = new HashMap<>();
        for (ScrapeResult r : results) {
            Target t = r.target();
            String before = downReasons.get(t.id());
            if (t.isDead()) {
                now.put(t.id(), "dead"); // discovery has said so already
            } else if (!r.up()) {
                now.put(t.id(), r.error());
                if (!r.error().equals(before)) {
                    log.warn("target " + t.id() + " (" + t.url() + ") is down: " + r.error());
                }
            } else if (before != null) {
                log.info("target " + t.id() + " (" + t.url() + ") is up again");
            }
        }
        downReasons = now;
    }
}
