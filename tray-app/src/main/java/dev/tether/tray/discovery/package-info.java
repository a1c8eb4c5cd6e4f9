/** Finding what to scrape: agent discovery files (with crash detection) and the static targets. */
package dev.tether.tray.discovery;
