package dev.tether.agent.instrument.weaving;

import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an advice class's file (the class itself is never loaded by the agent) into an
 * {@link AdviceModel}. Advice keeps Byte Buddy's annotations as markers, matched by the end of their
 * descriptors ({@code /asm/Advice$OnMethodEnter;}) since the agent's jar relocates them.
 *
 * <p>Only what {@link AdviceMethodWeaver} does is accepted; anything else (say {@code @Advice.Local},
 * {@code skipOn}, a parameter without annotation) is refused here with an
 * {@link UnsupportedAdviceException} naming the method, rather than woven wrongly.
 */
public final class AdviceParser {
    private static final String ADVICE = "/asm/Advice$";
    private static final Map<String, Set<String>> ALLOWED = new HashMap<String, Set<String>>();

    static {
        allow("OnMethodEnter", "suppress", "inline", "prependLineNumber");
        allow("OnMethodExit", "suppress", "inline", "onThrowable", "backupArguments");
        allow("This", "optional", "readOnly", "typing");
        allow("Argument", "value", "optional", "readOnly", "typing");
        allow("Enter", "readOnly", "typing");
        allow("Return", "readOnly", "typing");
        allow("Thrown", "readOnly", "typing");
        allow("Origin", "value");
        allow("FieldValue", "value", "readOnly", "typing");
    }

    private AdviceParser() {
    }

    private static void allow(String annotation, String... attributes) {
        ALLOWED.put(annotation, new HashSet<String>(Arrays.asList(attributes)));
    }

    /** @throws UnsupportedAdviceException if the class is not advice the weaver can call */
    public static AdviceModel parse(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        Collector collector = new Collector();
        reader.accept(collector, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return collector.model();
    }

    /** One annotation: its simple name in {@code Advice} ({@code Argument}) and its attributes. */
    private static final class Found extends AnnotationVisitor {
        final String name;
        final Map<String, Object> values = new HashMap<String, Object>();

        Found(String name) {
            super(Opcodes.ASM9);
            this.name = name;
        }

        @Override
        public void visit(String attribute, Object value) {
            values.put(attribute, value);
        }

        @Override
        public void visitEnum(String attribute, String descriptor, String value) {
            values.put(attribute, value);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String attribute, String descriptor) {
            values.put(attribute, descriptor);
            return null;
        }

        @Override
        public AnnotationVisitor visitArray(String attribute) {
            values.put(attribute, "[]");
            return null;
        }

        boolean flag(String attribute, boolean otherwise) {
            Object v = values.get(attribute);
            return v == null ? otherwise : (Boolean) v;
        }
    }

    /** The simple name of a Byte Buddy advice annotation, else null. */
    private static String adviceAnnotation(String descriptor) {
        int at = descriptor.lastIndexOf(ADVICE);
        return at < 0 ? null : descriptor.substring(at + ADVICE.length(), descriptor.length() - 1);
    }

    private static final class Collector extends ClassVisitor {
        private String className;
        private boolean publicClass;
        private final List<Candidate> candidates = new ArrayList<Candidate>();

        Collector() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            className = name;
            publicClass = (access & Opcodes.ACC_PUBLIC) != 0;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            Candidate c = new Candidate(access, name, descriptor);
            candidates.add(c);
            return c;
        }

        AdviceModel model() {
            AdviceMethod enter = null;
            AdviceMethod exit = null;
            boolean onThrowable = false;
            for (Candidate c : candidates) {
                if (c.enter == null && c.exit == null) {
                    continue;
                }
                String where = className.replace('/', '.') + "." + c.name;
                if (c.enter != null && c.exit != null) {
                    throw new UnsupportedAdviceException(where + " is both enter and exit advice");
                }
                if (!publicClass || (c.access & (Opcodes.ACC_STATIC | Opcodes.ACC_PUBLIC)) != (Opcodes.ACC_STATIC | Opcodes.ACC_PUBLIC)) {
                    throw new UnsupportedAdviceException(where + ": advice must be a public static method of a public class (it is called, not inlined)");
                }
                Found marker = c.enter != null ? c.enter : c.exit;
                check(where, marker);
                if (c.enter != null) {
                    if (enter != null) {
                        throw new UnsupportedAdviceException(where + ": a second @Advice.OnMethodEnter method");
                    }
                    enter = new AdviceMethod(className, c.name, c.descriptor, c.bindings(where, true));
                } else {
                    if (exit != null) {
                        throw new UnsupportedAdviceException(where + ": a second @Advice.OnMethodExit method");
                    }
                    if (!c.descriptor.endsWith(")V")) {
                        throw new UnsupportedAdviceException(where + ": exit advice must return void");
                    }
                    Object handler = c.exit.values.get("onThrowable");
                    if (handler != null && !handler.toString().endsWith("$NoExceptionHandler;")) {
                        if (!(handler instanceof Type) || !((Type) handler).getInternalName().equals("java/lang/Throwable")) {
                            throw new UnsupportedAdviceException(where + ": onThrowable must be Throwable.class, not " + handler);
                        }
                        onThrowable = true;
                    }
                    exit = new AdviceMethod(className, c.name, c.descriptor, c.bindings(where, false));
                }
            }
            if (enter == null && exit == null) {
                throw new UnsupportedAdviceException(className.replace('/', '.') + " has no @Advice.OnMethodEnter or @Advice.OnMethodExit method");
            }
            if (exit != null && exit.binds(AdviceBinding.Kind.ENTER) && (enter == null || enter.returnDescriptor().equals("V"))) {
                throw new UnsupportedAdviceException(exit + " binds @Advice.Enter but there is no enter advice returning a value");
            }
            return new AdviceModel(className.replace('/', '.'), enter, exit, onThrowable);
        }
    }

    private static void check(String where, Found annotation) {
        for (String attribute : annotation.values.keySet()) {
            if (!ALLOWED.get(annotation.name).contains(attribute)) {
                throw new UnsupportedAdviceException(where + ": @Advice." + annotation.name + "(" + attribute + ") is not supported");
            }
        }
        if (!annotation.flag("readOnly", true)) {
            throw new UnsupportedAdviceException(where + ": @Advice." + annotation.name + "(readOnly = false) is not supported");
        }
    }

    /** One method of the advice class, with the advice annotations it carries. */
    private static final class Candidate extends MethodVisitor {
        final int access;
        final String name;
        final String descriptor;
        Found enter;
        Found exit;
        final Map<Integer, List<Found>> parameters = new HashMap<Integer, List<Found>>();

        Candidate(int access, String name, String descriptor) {
            super(Opcodes.ASM9);
            this.access = access;
            this.name = name;
            this.descriptor = descriptor;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            String simple = adviceAnnotation(descriptor);
            if ("OnMethodEnter".equals(simple)) {
                return enter = new Found(simple);
            }
            if ("OnMethodExit".equals(simple)) {
                return exit = new Found(simple);
            }
            return null;
        }

        @Override
        public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
            String simple = adviceAnnotation(descriptor);
            if (simple == null) {
                return null;
            }
            List<Found> list = parameters.get(parameter);
            if (list == null) {
                list = new ArrayList<Found>(1);
                parameters.put(parameter, list);
            }
            Found f = new Found(simple);
            list.add(f);
            return f;
        }

        List<AdviceBinding> bindings(String where, boolean isEnter) {
            Type[] types = Type.getArgumentTypes(descriptor);
            List<AdviceBinding> out = new ArrayList<AdviceBinding>(types.length);
            for (int i = 0; i < types.length; i++) {
                List<Found> found = parameters.get(i);
                String param = where + " parameter " + i;
                if (found == null || found.isEmpty()) {
                    throw new UnsupportedAdviceException(param + " has no advice annotation");
                }
                if (found.size() > 1) {
                    throw new UnsupportedAdviceException(param + " has more than one advice annotation");
                }
                Found a = found.get(0);
                if (!ALLOWED.containsKey(a.name) || a.name.startsWith("OnMethod")) {
                    throw new UnsupportedAdviceException(param + ": @Advice." + a.name + " is not supported");
                }
                check(param, a);
                out.add(binding(param, isEnter, a, types[i].getDescriptor()));
            }
            return out;
        }

        private static AdviceBinding binding(String param, boolean isEnter, Found a, String type) {
            boolean reference = type.startsWith("L") || type.startsWith("[");
            if (a.name.equals("This")) {
                requireReference(param, a, reference);
                return new AdviceBinding(AdviceBinding.Kind.THIS, -1, a.flag("optional", false), type);
            }
            if (a.name.equals("Argument")) {
                Object index = a.values.get("value");
                if (!(index instanceof Integer) || (Integer) index < 0) {
                    throw new UnsupportedAdviceException(param + ": @Advice.Argument needs an index");
                }
                return new AdviceBinding(AdviceBinding.Kind.ARGUMENT, (Integer) index, a.flag("optional", false), type);
            }
            if (a.name.equals("FieldValue")) {
                Object field = a.values.get("value");
                if (!(field instanceof String) || ((String) field).isEmpty()) {
                    throw new UnsupportedAdviceException(param + ": @Advice.FieldValue needs a field name");
                }
                // The field's declared type: the weaver reads it with exactly this descriptor.
                return new AdviceBinding(AdviceBinding.Kind.FIELD, -1, false, type, (String) field);
            }
            if (a.name.equals("Origin")) {
                if (!type.equals("Ljava/lang/String;") && !type.equals("Ljava/lang/Object;")) {
                    throw new UnsupportedAdviceException(param + ": @Advice.Origin must be a String");
                }
                Object pattern = a.values.get("value");
                if ("#t".equals(pattern)) {
                    return new AdviceBinding(AdviceBinding.Kind.ORIGIN_TYPE, -1, false, type);
                }
                if ("#m".equals(pattern)) {
                    return new AdviceBinding(AdviceBinding.Kind.ORIGIN_METHOD, -1, false, type);
                }
                throw new UnsupportedAdviceException(param + ": @Advice.Origin(\"" + (pattern == null ? "" : pattern) + "\") is not supported, only \"#t\" and \"#m\"");
            }
            if (isEnter) {
                throw new UnsupportedAdviceException(param + ": @Advice." + a.name + " is for exit advice only");
            }
            if (a.name.equals("Enter")) {
                return new AdviceBinding(AdviceBinding.Kind.ENTER, -1, false, type);
            }
            if (a.name.equals("Return")) {
                return new AdviceBinding(AdviceBinding.Kind.RETURN, -1, false, type);
            }
            requireReference(param, a, reference);
            return new AdviceBinding(AdviceBinding.Kind.THROWN, -1, false, type);
        }

        private static void requireReference(String param, Found a, boolean reference) {
            if (!reference) {
                throw new UnsupportedAdviceException(param + ": @Advice." + a.name + " must be a reference type");
            }
        }
    }
}
