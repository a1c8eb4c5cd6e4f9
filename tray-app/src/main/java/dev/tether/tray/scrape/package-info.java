/** Scraping the local targets on loopback, concurrently and with timeouts. */
package dev.tether.tray.scrape;
