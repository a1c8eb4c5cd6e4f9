/** The tray's settings: the immutable {@link dev.tether.tray.config.TraySettings}, and reading them from flags and a properties file. */
package dev.tether.tray.config;
