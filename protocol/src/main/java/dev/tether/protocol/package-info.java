/**
 * Tether's shared protocol library: the exposition-format model ({@link dev.tether.protocol.model}),
 * the text parser and writer ({@link dev.tether.protocol.text}) and the push-protocol constants
 * ({@link dev.tether.protocol.push}). It has no runtime dependencies, so the tray and the gateway
 * can both carry it cheaply.
 */
package dev.tether.protocol;
