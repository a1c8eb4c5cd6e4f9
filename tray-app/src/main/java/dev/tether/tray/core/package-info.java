/** The forwarder core: the cycle that ties discovery, scraping, labelling and pushing together, for any front end. */
package dev.tether.tray.core;
