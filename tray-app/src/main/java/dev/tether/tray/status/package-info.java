/**
 * The immutable status a front end shows ({@link dev.tether.tray.status.TrayStatus}, with its targets
 * and gateways), its JSON form, and the listener the core calls when it changes.
 */
package dev.tether.tray.status;
