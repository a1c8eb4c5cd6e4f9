package dev.tether.agent.instrument;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which methods of a selected class get advice, decided from what a class file says about each method:
 * its access flags, name and descriptor. Abstract, native, bridge and synthetic methods never match:
 * they have no code of their own worth timing.
 *
 * <p>Immutable; {@code named("send").arguments(1).argument(0, "java.net.http.HttpRequest")}.
 */
public final class MethodSelector {
    private static final int NEVER = 0x0400 /* abstract */ | 0x0100 /* native */ | 0x0040 /* bridge */ | 0x1000 /* synthetic */;
    private static final int PUBLIC = 0x0001;
    private static final String CONSTRUCTOR = "<init>";

    private final Set<String> names;
    private final Pattern namePattern;
    private final int argumentCount;
    private final int argumentIndex;
    private final String argumentDescriptor;
    private final boolean publicOnly;
    private final MethodSelector or;

    private MethodSelector(Set<String> names, Pattern namePattern, int argumentCount, int argumentIndex, String argumentDescriptor, boolean publicOnly, MethodSelector or) {
        this.names = names;
        this.namePattern = namePattern;
        this.argumentCount = argumentCount;
        this.argumentIndex = argumentIndex;
        this.argumentDescriptor = argumentDescriptor;
        this.publicOnly = publicOnly;
        this.or = or;
    }

    /** Methods with one of these names; {@code <init>} for constructors. */
    public static MethodSelector named(String... names) {
        return new MethodSelector(Collections.unmodifiableSet(new HashSet<String>(Arrays.asList(names))), null, -1, -1, null, false, null);
    }

    /** Methods, not constructors or static initialisers, whose whole name matches {@code pattern}. */
    public static MethodSelector namesMatching(Pattern pattern) {
        return new MethodSelector(Collections.<String>emptySet(), pattern, -1, -1, null, false, null);
    }

    /** Selects nothing. */
    public static MethodSelector none() {
        return named();
    }

    public static MethodSelector constructors() {
        return named(CONSTRUCTOR);
    }

    /** ... that take exactly {@code count} arguments. */
    public MethodSelector arguments(int count) {
        return new MethodSelector(names, namePattern, count, argumentIndex, argumentDescriptor, publicOnly, or);
    }

    /** ... whose argument {@code index} is declared as {@code binaryTypeName} ({@code java.lang.String}, {@code int}). */
    public MethodSelector argument(int index, String binaryTypeName) {
        return new MethodSelector(names, namePattern, argumentCount, index, descriptorOf(binaryTypeName), publicOnly, or);
    }

    public MethodSelector publicOnly() {
        return new MethodSelector(names, namePattern, argumentCount, argumentIndex, argumentDescriptor, true, or);
    }

    /** This selector or {@code other}. */
    public MethodSelector or(MethodSelector other) {
        return new MethodSelector(names, namePattern, argumentCount, argumentIndex, argumentDescriptor, publicOnly, this.or == null ? other : this.or.or(other));
    }

    /**
     * @param access     the method's access flags
     * @param name       {@code <init>} for a constructor
     * @param descriptor {@code (Ljava/lang/String;I)V}
     */
    public boolean matches(int access, String name, String descriptor) {
        if ((access & NEVER) == 0 && matchesThis(access, name, descriptor)) {
            return true;
        }
        return or != null && or.matches(access, name, descriptor);
    }

    private boolean matchesThis(int access, String name, String descriptor) {
        boolean named = namePattern == null ? names.contains(name) : name.charAt(0) != '<' && namePattern.matcher(name).matches();
        if (!named || publicOnly && (access & PUBLIC) == 0) {
            return false;
        }
        if (argumentCount < 0 && argumentIndex < 0) {
            return true;
        }
        String[] arguments = argumentDescriptors(descriptor);
        if (argumentCount >= 0 && arguments.length != argumentCount) {
            return false;
        }
        return argumentIndex < 0 || argumentIndex < arguments.length && arguments[argumentIndex].equals(argumentDescriptor);
    }

    /** {@code (JLjava/lang/String;[I)V} gives {@code J}, {@code Ljava/lang/String;}, {@code [I}. */
    static String[] argumentDescriptors(String descriptor) {
        java.util.List<String> out = new java.util.ArrayList<String>(4);
        int i = 1;
        while (descriptor.charAt(i) != ')') {
            int start = i;
            while (descriptor.charAt(i) == '[') {
                i++;
            }
            if (descriptor.charAt(i) == 'L') {
                i = descriptor.indexOf(';', i);
            }
            i++;
            out.add(descriptor.substring(start, i));
        }
        return out.toArray(new String[0]);
    }

    static String descriptorOf(String binaryTypeName) {
        String prefix = "";
        String name = binaryTypeName;
        while (name.endsWith("[]")) {
            prefix += "[";
            name = name.substring(0, name.length() - 2);
        }
        String primitive = primitive(name);
        return prefix + (primitive != null ? primitive : "L" + name.replace('.', '/') + ";");
    }

    private static String primitive(String name) {
        String[] pairs = {"int", "I", "long", "J", "boolean", "Z", "byte", "B", "char", "C", "short", "S", "float", "F", "double", "D", "void", "V"};
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(name)) {
                return pairs[i + 1];
            }
        }
        return null;
    }
}
