package dev.tether.agent.instrument.weaving;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/** Descriptor arithmetic for woven code: slots, load and store opcodes, frame types, boxing and casts. */
final class Values {
    private Values() {
    }

    static boolean isReference(String descriptor) {
        char c = descriptor.charAt(0);
        return c == 'L' || c == '[';
    }

    /** Local-variable slots: 2 for {@code J} and {@code D}. */
    static int size(String descriptor) {
        return Type.getType(descriptor).getSize();
    }

    static int load(String descriptor) {
        return Type.getType(descriptor).getOpcode(Opcodes.ILOAD);
    }

    static int store(String descriptor) {
        return Type.getType(descriptor).getOpcode(Opcodes.ISTORE);
    }

    /** The verification type a {@code visitFrame} locals entry uses for a value of this type. */
    static Object frameType(String descriptor) {
        switch (descriptor.charAt(0)) {
            case 'Z':
            case 'B':
            case 'C':
            case 'S':
            case 'I':
                return Opcodes.INTEGER;
            case 'J':
                return Opcodes.LONG;
            case 'F':
                return Opcodes.FLOAT;
            case 'D':
                return Opcodes.DOUBLE;
            default:
                return Type.getType(descriptor).getInternalName();
        }
    }

    /** Slots a frame entry covers. */
    static int frameSlots(Object entry) {
        return entry == Opcodes.LONG || entry == Opcodes.DOUBLE ? 2 : 1;
    }

    /** The zero (or null) of a type, for a value that does not exist on this path. */
    static void pushDefault(MethodVisitor mv, String descriptor) {
        switch (descriptor.charAt(0)) {
            case 'J':
                mv.visitInsn(Opcodes.LCONST_0);
                break;
            case 'F':
                mv.visitInsn(Opcodes.FCONST_0);
                break;
            case 'D':
                mv.visitInsn(Opcodes.DCONST_0);
                break;
            case 'L':
            case '[':
                mv.visitInsn(Opcodes.ACONST_NULL);
                break;
            default:
                mv.visitInsn(Opcodes.ICONST_0);
        }
    }

    /**
     * Whether a value of type {@code from} can be passed where {@code to} is declared: the same type,
     * a reference cast to another, or a primitive boxed into a reference.
     */
    static boolean convertible(String from, String to) {
        return from.equals(to) || isReference(to) && (isReference(from) || box(from) != null);
    }

    /** Emits what turns the value on the stack, of type {@code from}, into a {@code to}; see {@link #convertible}. */
    static void convert(MethodVisitor mv, String from, String to) {
        if (from.equals(to)) {
            return;
        }
        String value = from;
        if (!isReference(from)) {
            String boxed = box(from);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getType(boxed).getInternalName(), "valueOf", "(" + from + ")" + boxed, false);
            value = boxed;
        }
        if (!value.equals(to) && !to.equals("Ljava/lang/Object;")) {
            mv.visitTypeInsn(Opcodes.CHECKCAST, Type.getType(to).getInternalName());
        }
    }

    private static String box(String primitive) {
        switch (primitive.charAt(0)) {
            case 'Z':
                return "Ljava/lang/Boolean;";
            case 'B':
                return "Ljava/lang/Byte;";
            case 'C':
                return "Ljava/lang/Character;";
            case 'S':
                return "Ljava/lang/Short;";
            case 'I':
                return "Ljava/lang/Integer;";
            case 'J':
                return "Ljava/lang/Long;";
            case 'F':
                return "Ljava/lang/Float;";
            case 'D':
                return "Ljava/lang/Double;";
            default:
                return null;
        }
    }
}
