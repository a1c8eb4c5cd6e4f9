/**
 * A small, strict JSON reader and writer for Tether's own documents: agent discovery files, the
 * gateway's status API, the tray's status endpoint. The JDK has none, and these documents are too
 * small to earn a library.
 */
package dev.tether.protocol.json;
