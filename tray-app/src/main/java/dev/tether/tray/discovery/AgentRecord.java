package dev.tether.tray.discovery;

import java.net.URI;
import java.time.Instant;

/**
 * The content of one agent discovery file {@code <pid>.json}, validated.
 *
 * @param startedAt when the agent started, or null if the file did not say
 */
public record AgentRecord(long pid, URI url, String app, Instant startedAt, String agentVersion, String jvm) {
}
