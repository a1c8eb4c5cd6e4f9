package dev.tether.agent.instrument;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which classes a {@link TypeInstrumentation} rewrites, decided from names alone: the class's own name,
 * or the names of its supertypes read from class-file headers. Nothing is loaded and nothing is parsed
 * for a class that does not match: the weaver runs only for the handful of classes that are rewritten.
 *
 * <p>Names are binary names ({@code java.util.concurrent.ThreadPoolExecutor}, {@code a.B$C}).
 */
public final class TypeFilter {
    enum Kind { NAMED, IMPLEMENTING, NAME_PATTERN }

    private final Kind kind;
    private final Set<String> names;
    private final Pattern pattern;

    private TypeFilter(Kind kind, Set<String> names, Pattern pattern) {
        this.kind = kind;
        this.names = names;
        this.pattern = pattern;
    }

    /** Exactly these classes. */
    public static TypeFilter named(String... binaryNames) {
        return new TypeFilter(Kind.NAMED, unmodifiable(binaryNames), null);
    }

    /**
     * Concrete or abstract classes, outside the JDK, that have one of these types among their
     * supertypes (at any depth). Interfaces themselves never match.
     */
    public static TypeFilter implementing(String... supertypeBinaryNames) {
        return new TypeFilter(Kind.IMPLEMENTING, unmodifiable(supertypeBinaryNames), null);
    }

    /** Classes outside the JDK whose binary name matches {@code pattern} as a whole. */
    public static TypeFilter nameMatching(Pattern pattern) {
        return new TypeFilter(Kind.NAME_PATTERN, Collections.<String>emptySet(), pattern);
    }

    Kind kind() {
        return kind;
    }

    /** The class names for {@code named}, the supertype names for {@code implementing}. */
    Set<String> names() {
        return names;
    }

    public boolean matchesName(String binaryName) {
        return pattern.matcher(binaryName).matches();
    }

    private static Set<String> unmodifiable(String[] names) {
        return Collections.unmodifiableSet(new LinkedHashSet<String>(Arrays.asList(names)));
    }

    @Override
    public String toString() {
        return kind == Kind.NAME_PATTERN ? "nameMatching(" + pattern + ")" : kind + names.toString();
    }
}
