package dev.tether.gateway.remotewrite;

import java.time.Duration;

/**
 * How remote write queues and retries. Not flags: the defaults suit a gateway's load; tests shorten
 * them.
 *
 * @param queueSamples the bound of each endpoint's queue, in samples; past it the oldest snapshots go
 * @param maxSamplesPerSend the most samples in one request
 * @param minBackoff the first wait before a retry (doubled at each retry)
 * @param maxBackoff the longest wait between retries
 * @param maxRetryTime how long one request is retried before its samples count as failed
 * @param requestTimeout the time one request may take
 */
public record RemoteWriteOptions(int queueSamples, int maxSamplesPerSend, Duration minBackoff, Duration maxBackoff,
                                 Duration maxRetryTime, Duration requestTimeout) {
    public static final RemoteWriteOptions DEFAULTS = new RemoteWriteOptions(500_000, 5_000,
            Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofSeconds(30));
}
