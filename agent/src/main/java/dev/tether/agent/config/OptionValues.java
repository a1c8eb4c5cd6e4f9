package dev.tether.agent.config;

import dev.tether.agent.instrument.Instrumentations;
import dev.tether.agent.log.LogLevel;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an option's raw text into its typed value, or says what was expected.
 *
 * <p>A switch rather than lambdas, and no regular expressions: premain runs before the app's main, and
 * the first lambda in a JVM costs tens of milliseconds of bootstrap, a compiled pattern a few.
 */
final class OptionValues {
    private static final int MAX_APP_LENGTH = 200;
    private static final int MAX_LABEL_VALUES = 10000;

    private OptionValues() {
    }

    static Object parse(Option option, List<String> raw) throws OptionException {
        if (option.isList()) {
            return parseList(option, raw);
        }
        String value = raw.get(0).trim();
        switch (option) {
            case APP:
                return app(value);
            case PORT:
                return port(value);
            case BIND:
                return bind(value);
            case DISCOVERY_DIR:
                return directory(value);
            case LOG:
                return logLevel(value);
            case MAX_LABEL_VALUES:
                return maxLabelValues(value);
            default:
                throw new IllegalStateException("no parser for " + option);
        }
    }

    private static Object parseList(Option option, List<String> raw) throws OptionException {
        if (option == Option.INSTRUMENT) {
            return instrument(raw);
        }
        if (option == Option.METHODS) {
            return methods(raw);
        }
        throw new IllegalStateException("no parser for " + option);
    }

    static String app(String value) throws OptionException {
        if (value.isEmpty() || value.length() > MAX_APP_LENGTH) {
            throw bad(Option.APP, value, "a name of 1 to " + MAX_APP_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw bad(Option.APP, value, "a name without control characters");
            }
        }
        return value;
    }

    static Integer port(String value) throws OptionException {
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw bad(Option.PORT, value, "a port number from 0 to 65535; 0 picks a free one");
        }
        if (port < 0 || port > 65535) {
            throw bad(Option.PORT, value, "a port number from 0 to 65535; 0 picks a free one");
        }
        return port;
    }

    /** Only literal addresses and {@code localhost}: premain must never wait for DNS. */
    static String bind(String value) throws OptionException {
        if (value.equals("localhost")) {
            return "127.0.0.1";
        }
        if (isIpv4(value)) {
            return value;
        }
        String unbracketed = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        if (looksLikeIpv6(unbracketed)) {
            return unbracketed;
        }
        throw bad(Option.BIND, value, "an IP address such as 127.0.0.1 or ::1");
    }

    static boolean isIpv4(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3) {
                return false;
            }
            for (int i = 0; i < part.length(); i++) {
                if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                    return false;
                }
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Hex digits, colons and dots with at least two colons; the JDK checks the rest when it binds. */
    static boolean looksLikeIpv6(String value) {
        int colons = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ':') {
                colons++;
            } else if (!(c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return colons >= 2;
    }

    static Integer maxLabelValues(String value) throws OptionException {
        int max;
        try {
            max = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw bad(Option.MAX_LABEL_VALUES, value, "a number from 1 to " + MAX_LABEL_VALUES);
        }
        if (max < 1 || max > MAX_LABEL_VALUES) {
            throw bad(Option.MAX_LABEL_VALUES, value, "a number from 1 to " + MAX_LABEL_VALUES);
        }
        return max;
    }

    static File directory(String value) throws OptionException {
        if (value.isEmpty()) {
            throw bad(Option.DISCOVERY_DIR, value, "a directory");
        }
        if (value.equals("~") || value.startsWith("~/")) {
            return new File(System.getProperty("user.home"), value.substring(1));
        }
        return new File(value);
    }

    static LogLevel logLevel(String value) throws OptionException {
        String[] names = {"quiet", "info", "debug"};
        String lower = value.toLowerCase(Locale.ROOT);
        for (LogLevel level : LogLevel.values()) {
            if (level.name().toLowerCase(Locale.ROOT).equals(lower)) {
                return level;
            }
        }
        throw new OptionException("bad value '" + value + "' for option 'log'" + Suggestions.hint(lower, names));
    }

    /** {@code all}, {@code none}, or names of {@link Instrumentations}. Resolved to the selected names. */
    static Set<String> instrument(List<String> raw) throws OptionException {
        String[] known = Instrumentations.names();
        Set<String> selected = new LinkedHashSet<String>();
        int negated = 0;
        for (String item : raw) {
            if (item.trim().startsWith("-")) {
                negated++;
            }
        }
        if (negated > 0) {
            // instrument=-jdbc,-logging: everything but these. Mixing the two forms has no clear meaning.
            if (negated != raw.size()) {
                throw new OptionException("bad value '" + join(raw) + "' for option 'instrument' (either name what to"
                        + " instrument, or only what to leave out with '-name', not both)");
            }
            Collections.addAll(selected, known);
            for (String item : raw) {
                selected.remove(known(item.trim().substring(1).toLowerCase(Locale.ROOT), item.trim(), known));
            }
            return Collections.unmodifiableSet(selected);
        }
        for (String item : raw) {
            String name = item.trim().toLowerCase(Locale.ROOT);
            if ((name.equals("all") || name.equals("none")) && raw.size() > 1) {
                throw new OptionException("bad value '" + join(raw) + "' for option 'instrument' ('" + name
                        + "' cannot be combined with other names)");
            }
            if (name.equals("none")) {
                return Collections.emptySet();
            }
            if (name.equals("all")) {
                Collections.addAll(selected, known);
                return Collections.unmodifiableSet(selected);
            }
            selected.add(known(name, item.trim(), known));
        }
        return Collections.unmodifiableSet(selected);
    }

    /** {@code selected}, plus {@code methods} when {@code methods=} names some and {@code instrument} has no {@code -methods}. */
    static Set<String> withMethods(Set<String> selected, List<String> instrumentRaw, boolean methodsGiven) {
        if (!methodsGiven || selected.contains("methods")) {
            return selected;
        }
        for (String item : instrumentRaw) {
            if (item.trim().toLowerCase(Locale.ROOT).equals("-methods")) {
                return selected;
            }
        }
        Set<String> with = new LinkedHashSet<String>(selected);
        with.add("methods");
        return Collections.unmodifiableSet(with);
    }

    /**
     * {@code class#method} items: the class a dotted name, the method a name, both with {@code *} for any
     * run of characters. Checked by hand (see the class comment); compiled by the instrumentation.
     */
    static List<MethodPattern> methods(List<String> raw) throws OptionException {
        List<MethodPattern> patterns = new ArrayList<MethodPattern>();
        for (String item : raw) {
            String value = item.trim();
            if (value.isEmpty()) {
                continue;
            }
            int hash = value.indexOf('#');
            if (hash < 0 || hash != value.lastIndexOf('#')) {
                throw badMethods(value);
            }
            String type = value.substring(0, hash);
            String method = value.substring(hash + 1);
            if (!isNameGlob(type, true) || !isNameGlob(method, false)) {
                throw badMethods(value);
            }
            String prefix = MethodPattern.offLimitsPrefix(type);
            if (prefix != null) {
                throw new OptionException("bad value '" + value + "' for option 'methods' (classes under " + prefix
                        + "* are the JDK's or the agent's and are never instrumented)");
            }
            patterns.add(new MethodPattern(type, method));
        }
        return Collections.unmodifiableList(patterns);
    }

    /** Java identifier characters and {@code *}; a class name also dots, never two in a row nor at an end. */
    private static boolean isNameGlob(String glob, boolean dotted) {
        if (glob.isEmpty() || glob.startsWith(".") || glob.endsWith(".") || glob.contains("..")) {
            return false;
        }
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            boolean ok = c == '*' || dotted && c == '.' || Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static OptionException badMethods(String value) {
        return bad(Option.METHODS, value, "class#method, each a name with * as a wildcard, such as com.acme.Billing#charge or com.acme.*Service#*");
    }

    /** {@code name} when it is an instrumentation's name; otherwise the error, with a suggestion. */
    private static String known(String name, String item, String[] known) throws OptionException {
        if (!contains(known, name)) {
            String closest = Suggestions.closest(name, known);
            String hint = closest != null
                    ? " (did you mean '" + closest + "'?)"
                    : " (expected all, none, a list of: " + Suggestions.join(known) + ", or -name to leave one out)";
            throw new OptionException("bad value '" + item + "' for option 'instrument'" + hint);
        }
        return name;
    }

    private static boolean contains(String[] values, String value) {
        for (String v : values) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String join(List<String> values) {
        return Suggestions.join(values.toArray(new String[0]));
    }

    private static OptionException bad(Option option, String value, String expected) {
        return new OptionException("bad value '" + value + "' for option '" + option.key() + "' (expected " + expected + ")");
    }
}
