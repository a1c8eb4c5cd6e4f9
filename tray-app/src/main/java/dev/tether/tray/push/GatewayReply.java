package dev.tether.tray.push;

import java.time.Duration;

/**
 * A gateway's answer to one request.
 *
 * @param status the HTTP status
 * @param message the first line of the body (the gateway's error text, or its JSON on success), at most 200 characters
 */
public record GatewayReply(int status, String message, Duration latency) {
    public Outcome outcome() {
        return Outcome.of(status);
    }
}
