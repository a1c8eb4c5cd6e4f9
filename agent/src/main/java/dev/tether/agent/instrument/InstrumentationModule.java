package dev.tether.agent.instrument;

import java.util.List;

/** One switchable instrumentation ({@code instrument=<name>}): its type instrumentations and its id in the bridge. */
public interface InstrumentationModule {
    /** As in the {@code instrument} option. */
    String name();

    /** Its index in {@code TetherBridge}, which counts and disables it. */
    int bridgeId();

    /** False when what it instruments cannot exist in this JVM (e.g. {@code java.net.http} on Java 8). */
    boolean isApplicable();

    List<TypeInstrumentation> typeInstrumentations();
}
