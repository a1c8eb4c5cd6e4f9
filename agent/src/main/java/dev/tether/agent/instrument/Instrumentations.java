package dev.tether.agent.instrument;

/**
 * The automatic instrumentations the {@code instrument} option can name.
 *
 * <p>Extension point for issue 7: add each instrumentation's name here and install the selected ones in
 * {@link InstrumentationInstaller}. None exist yet, so {@code instrument} accepts only {@code all}
 * (the default) and {@code none}.
 */
public final class Instrumentations {
    private static final String[] NAMES = {};

    private Instrumentations() {
    }

    public static String[] names() {
        return NAMES.clone();
    }
}
