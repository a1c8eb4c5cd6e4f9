package dev.tether.agent.instrument.methods;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.config.MethodPattern;
import dev.tether.agent.instrument.MethodSelector;
import dev.tether.agent.instrument.TypeFilter;
import dev.tether.agent.instrument.TypeInstrumentation;
import net.bytebuddy.asm.Advice;

import java.util.List;
import java.util.regex.Pattern;


/**
 * The classes and methods {@code methods=} names. Types are matched by binary name alone, never by
 * hierarchy: {@link #matchesClassName} is the whole type test, so a name-based pre-filter can call it.
 * Every pattern pairs its class with its method: {@code A#x,B#y} does not select {@code A#y}; a method
 * that several patterns select is still instrumented once.
 *
 * <p>Never selected: constructors and static initialisers, abstract, native and synthetic methods
 * (lambda bodies, bridges), the JDK's classes and the agent's, generated classes ({@code $$} in the
 * name). Overloads share their series: the label is the method's name.
 */
public final class MethodsInstrumentation implements TypeInstrumentation {
    private final Pattern anyClass;
    private final Pattern[] classes;
    private final Pattern[] methods;

    public MethodsInstrumentation(List<MethodPattern> patterns) {
        classes = new Pattern[patterns.size()];
        methods = new Pattern[patterns.size()];
        StringBuilder any = new StringBuilder();
        for (int i = 0; i < classes.length; i++) {
            String classRegex = regex(patterns.get(i).classGlob());
            classes[i] = Pattern.compile(classRegex);
            methods[i] = Pattern.compile(regex(patterns.get(i).methodGlob()));
            any.append(i == 0 ? "" : "|").append("(?:").append(classRegex).append(')');
        }
        anyClass = Pattern.compile(any.toString());
    }

    /** Whether a class of this binary name ({@code com.acme.Outer$Inner}) has methods to instrument. */
    public boolean matchesClassName(String binaryName) {
        if (binaryName == null || binaryName.contains("$$") || MethodPattern.offLimitsPrefix(binaryName) != null) {
            return false;
        }
        return anyClass.matcher(binaryName).matches();
    }

    /** Whether one pattern selects this method of this class; the method's kind is {@link #methods()}'s to check. */
    boolean matchesMethod(String binaryClassName, String methodName) {
        for (int i = 0; i < classes.length; i++) {
            if (classes[i].matcher(binaryClassName).matches() && methods[i].matcher(methodName).matches()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public TypeFilter types() {
        // The JDK's and the agent's classes never reach a name filter; generated classes are left out here.
        return TypeFilter.nameMatching(Pattern.compile("(?!.*\\$\\$)(?:" + anyClass.pattern() + ")"));
    }

    /** No class is selected without a class name: see {@link #methodsIn}. */
    @Override
    public MethodSelector methods() {
        return MethodSelector.none();
    }

    /** The method names that the patterns naming this class select, as one selector. */
    @Override
    public MethodSelector methodsIn(String binaryClassName) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < classes.length; i++) {
            if (classes[i].matcher(binaryClassName).matches()) {
                names.append(names.length() == 0 ? "" : "|").append("(?:").append(methods[i].pattern()).append(')');
            }
        }
        return names.length() == 0 ? MethodSelector.none() : MethodSelector.namesMatching(Pattern.compile(names.toString()));
    }

    @Override
    public String adviceClassName() {
        return "dev.tether.agent.instrument.methods.MethodsInstrumentation$MethodAdvice";
    }

    /** A glob ({@code *} for any run of characters) as a regular expression; every other character is literal. */
    static String regex(String glob) {
        StringBuilder regex = new StringBuilder();
        int from = 0;
        for (int star = glob.indexOf('*'); star >= 0; star = glob.indexOf('*', from)) {
            if (star > from) {
                regex.append(Pattern.quote(glob.substring(from, star)));
            }
            regex.append(".*");
            from = star + 1;
        }
        if (from < glob.length()) {
            regex.append(Pattern.quote(glob.substring(from)));
        }
        return regex.toString();
    }

    /** Times each call; the class and method names are constants in the instrumented code. */
    public static final class MethodAdvice {
        private MethodAdvice() {
        }

        @Advice.OnMethodEnter
        public static long enter() {
            return TetherBridge.methodEnter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        public static void exit(@Advice.Enter long start, @Advice.Origin("#t") String type, @Advice.Origin("#m") String method,
                                @Advice.Thrown Throwable thrown) {
            try {
                TetherBridge.method(start, type, method, thrown);
            } catch (Throwable t) {
                TetherBridge.adviceFailed(t, TetherBridge.METHODS);
            }
        }
    }
}
