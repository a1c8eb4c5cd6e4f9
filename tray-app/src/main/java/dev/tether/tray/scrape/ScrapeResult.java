package dev.tether.tray.scrape;

import dev.tether.protocol.model.MetricFamily;
import dev.tether.tray.discovery.Target;

import java.time.Duration;
import java.util.List;

/**
 * What one scrape of one target gave, immutable: the families as the target wrote them, or the
 * error that made it down.
 *
 * @param families empty when down
 * @param error null when up
 */
public record ScrapeResult(Target target, boolean up, List<MetricFamily> families, Duration duration, String error) {
    public ScrapeResult {
        families = List.copyOf(families);
    }

    public static ScrapeResult up(Target target, List<MetricFamily> families, Duration duration) {
        return new ScrapeResult(target, true, families, duration, null);
    }

    public static ScrapeResult down(Target target, Duration duration, String error) {
        return new ScrapeResult(target, false, List.of(), duration, error);
    }
}
