package dev.tether.agent.config;

/** The default {@code app}: the jar's name without {@code .jar}, else the main class's simple name. */
final class AppName {
    static final String FALLBACK = "java";

    private AppName() {
    }

    /** @param command the JVM's {@code sun.java.command}: the main class or jar, then the arguments */
    static String fromCommand(String command) {
        if (command == null || command.trim().isEmpty()) {
            return FALLBACK;
        }
        String trimmed = command.trim();
        int space = trimmed.indexOf(' ');
        String first = space < 0 ? trimmed : trimmed.substring(0, space);
        if (first.endsWith(".jar")) {
            String file = first.substring(Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\')) + 1);
            String name = file.substring(0, file.length() - ".jar".length());
            return name.isEmpty() ? FALLBACK : name;
        }
        // "module/com.acme.Main" when started with -m.
        String mainClass = first.substring(first.lastIndexOf('/') + 1);
        String simple = mainClass.substring(mainClass.lastIndexOf('.') + 1);
        return simple.isEmpty() ? FALLBACK : simple;
    }
}
