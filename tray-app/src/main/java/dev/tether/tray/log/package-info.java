/** The tray's log sink: one line per event, to stdout when headless. */
package dev.tether.tray.log;
