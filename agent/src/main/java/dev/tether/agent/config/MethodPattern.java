package dev.tether.agent.config;

/**
 * One item of {@code methods=}: {@code class#method}, each a name in which {@code *} stands for any run of
 * characters (dots and {@code $} included). The class is matched against binary names
 * ({@code com.acme.Outer$Inner}). Checked by {@link OptionValues#methods}; compiled by the instrumentation.
 */
public final class MethodPattern {
    /** The JDK's packages and the agent's: never instrumented, whatever the patterns say. */
    private static final String[] OFF_LIMITS = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.tether.agent."};

    private final String classGlob;
    private final String methodGlob;

    MethodPattern(String classGlob, String methodGlob) {
        this.classGlob = classGlob;
        this.methodGlob = methodGlob;
    }

    public String classGlob() {
        return classGlob;
    }

    public String methodGlob() {
        return methodGlob;
    }

    /** The off-limits package prefix {@code className} starts with, or null. */
    public static String offLimitsPrefix(String className) {
        for (String prefix : OFF_LIMITS) {
            if (className.startsWith(prefix)) {
                return prefix;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return classGlob + "#" + methodGlob;
    }
}
