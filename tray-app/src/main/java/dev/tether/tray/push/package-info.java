/**
 * Pushing snapshots to the gateways: the native API's requests, one independent pusher per gateway,
 * backoff with jitter, proxies and extra CAs.
 */
package dev.tether.tray.push;
