package dev.tether.gateway.testing;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * /metrics without the self metrics ({@code tether_gateway_*}), which count requests and so differ
 * between two reads or two processes; what is left is what the store serves.
 */
public final class StoredMetrics {
    private StoredMetrics() {
    }

    public static String of(String metrics) {
        return Arrays.stream(metrics.split("\n")).filter(l -> !l.contains("tether_gateway_")).collect(Collectors.joining("\n"));
    }
}
