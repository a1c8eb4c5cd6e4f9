/** The headless front end: the forwarder as a service, its loopback status endpoint, signals and shutdown. */
package dev.tether.tray.headless;
