/**
 * The Prometheus text format 0.0.4 and OpenMetrics text: a strict streaming
 * {@link dev.tether.protocol.text.ExpositionParser parser}, a
 * {@link dev.tether.protocol.text.ExpositionWriter writer} that round-trips what the parser reads, and
 * the {@link dev.tether.protocol.text.FormatConversion conversion} between the two.
 */
package dev.tether.protocol.text;
