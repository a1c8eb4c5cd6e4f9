/** Labelling each target's series ({@code job}, {@code instance}) and merging them into one consistent snapshot. */
package dev.tether.tray.label;
