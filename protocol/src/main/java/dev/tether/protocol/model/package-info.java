/**
 * The immutable model of an exposition: {@link dev.tether.protocol.model.MetricFamily families} of
 * {@link dev.tether.protocol.model.Sample samples}, each with its {@link dev.tether.protocol.model.Labels}.
 * Instances never change after construction, so they can be shared between threads and cached.
 */
package dev.tether.protocol.model;
