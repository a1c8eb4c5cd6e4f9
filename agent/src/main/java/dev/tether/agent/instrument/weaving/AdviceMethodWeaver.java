package dev.tether.agent.instrument.weaving;

import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.jar.asm.TypePath;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites one method's code to call its advice: {@code enter} first, {@code exit} before every return
 * and, for {@code onThrowable} advice, from one catch-all handler around the original code (not in a
 * constructor) that rethrows what it caught. The advice is called, not inlined: it never throws (its
 * own body catches everything), so the calls need no handler of their own.
 *
 * <p>The weaver's locals sit right after the arguments: the enter value, copies of the arguments (and
 * {@code this}) exit binds, taken at entry so that a method reassigning an argument changes nothing,
 * then the return value and the thrown exception. The method's own locals move up past them, in its
 * instructions, debug tables and frames. Frames come expanded ({@code ClassReader.EXPAND_FRAMES}) and are
 * written as they are plus the weaver's locals, so no frame is computed and no class is loaded.
 */
final class AdviceMethodWeaver extends MethodVisitor {
    private enum Path { ENTRY, RETURN, THROWN }

    private final String owner;
    private final String name;
    private final boolean isStatic;
    private final boolean constructor;
    private final boolean frames;
    private final String[] arguments;
    private final int[] argumentSlots;
    private final String returned;
    private final AdviceMethod enter;
    private final AdviceMethod exit;
    private final boolean handler;

    /** First slot after the arguments, where the weaver's locals start. */
    private final int firstLocal;
    private final int enterSlot;
    private final int thisCopy;
    private final int[] argumentCopies;
    private final int returnSlot;
    private final int thrownSlot;
    private final int extraLocals;
    /** The weaver's locals as frame entries: typed where set at entry, TOP for the temporaries. */
    private final List<Object> frameLocals = new ArrayList<Object>();
    private final int extraStack;
    private final Label tryStart = new Label();

    /**
     * @param owner      the instrumented class's internal name
     * @param frames     whether the class file has stack map frames (version 50+)
     */
    AdviceMethodWeaver(MethodVisitor next, String owner, int access, String name, String descriptor, boolean frames, AdviceModel advice) {
        super(Opcodes.ASM9, next);
        this.owner = owner;
        this.name = name;
        this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
        this.constructor = name.equals("<init>");
        this.frames = frames;
        Type[] types = Type.getArgumentTypes(descriptor);
        this.arguments = new String[types.length];
        this.argumentSlots = new int[types.length];
        int slot = isStatic ? 0 : 1;
        for (int i = 0; i < types.length; i++) {
            arguments[i] = types[i].getDescriptor();
            argumentSlots[i] = slot;
            slot += types[i].getSize();
        }
        this.firstLocal = slot;
        this.returned = Type.getReturnType(descriptor).getDescriptor();
        this.enter = advice.enter();
        this.exit = advice.exit();
        this.handler = exit != null && advice.onThrowable() && !constructor;

        boolean keepsEnter = enter != null && !enter.returnDescriptor().equals("V");
        enterSlot = keepsEnter ? slot : -1;
        if (keepsEnter) {
            frameLocals.add(Values.frameType(enter.returnDescriptor()));
            slot += Values.size(enter.returnDescriptor());
        }
        boolean copyThis = exit != null && (exit.binds(AdviceBinding.Kind.THIS) || exit.binds(AdviceBinding.Kind.FIELD)) && !isStatic && !constructor;
        thisCopy = copyThis ? slot : -1;
        if (copyThis) {
            frameLocals.add(owner);
            slot++;
        }
        argumentCopies = new int[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            argumentCopies[i] = -1;
            if (exit != null && bindsArgument(exit, i)) {
                argumentCopies[i] = slot;
                frameLocals.add(Values.frameType(arguments[i]));
                slot += Values.size(arguments[i]);
            }
        }
        boolean keepsReturn = exit != null && exit.binds(AdviceBinding.Kind.RETURN) && !returned.equals("V");
        returnSlot = keepsReturn ? slot : -1;
        if (keepsReturn) {
            for (int i = 0; i < Values.size(returned); i++) {
                frameLocals.add(Opcodes.TOP);
            }
            slot += Values.size(returned);
        }
        thrownSlot = handler ? slot : -1;
        if (handler) {
            frameLocals.add(Opcodes.TOP);
            slot++;
        }
        extraLocals = slot - firstLocal;
        extraStack = (enter == null ? 0 : parameterSlots(enter)) + (exit == null ? 0 : parameterSlots(exit)) + 4;

        // Every binding is checked now, so that a method the advice does not fit is left whole.
        if (enter != null) {
            push(enter, Path.ENTRY, false);
        }
        if (exit != null) {
            push(exit, Path.RETURN, false);
            if (handler) {
                push(exit, Path.THROWN, false);
            }
        }
    }

    private static boolean bindsArgument(AdviceMethod advice, int index) {
        for (AdviceBinding b : advice.bindings()) {
            if (b.kind() == AdviceBinding.Kind.ARGUMENT && b.index() == index) {
                return true;
            }
        }
        return false;
    }

    private static int parameterSlots(AdviceMethod advice) {
        int n = 0;
        for (Type t : Type.getArgumentTypes(advice.descriptor())) {
            n += t.getSize();
        }
        return n;
    }

    @Override
    public void visitCode() {
        super.visitCode();
        if (enter != null) {
            push(enter, Path.ENTRY, true);
            call(enter);
            if (enterSlot >= 0) {
                super.visitVarInsn(Values.store(enter.returnDescriptor()), enterSlot);
            }
        }
        if (thisCopy >= 0) {
            super.visitVarInsn(Opcodes.ALOAD, 0);
            super.visitVarInsn(Opcodes.ASTORE, thisCopy);
        }
        for (int i = 0; i < arguments.length; i++) {
            if (argumentCopies[i] >= 0) {
                super.visitVarInsn(Values.load(arguments[i]), argumentSlots[i]);
                super.visitVarInsn(Values.store(arguments[i]), argumentCopies[i]);
            }
        }
        if (handler) {
            super.visitLabel(tryStart);
        }
    }

    @Override
    public void visitInsn(int opcode) {
        if (exit != null && opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            if (returnSlot >= 0) {
                super.visitVarInsn(Values.store(returned), returnSlot);
            }
            push(exit, Path.RETURN, true);
            call(exit);
            if (returnSlot >= 0) {
                super.visitVarInsn(Values.load(returned), returnSlot);
            }
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (handler) {
            Label tryEnd = new Label();
            Label catchAll = new Label();
            super.visitLabel(tryEnd);
            super.visitLabel(catchAll);
            if (frames) {
                List<Object> locals = new ArrayList<Object>();
                for (int i = 0; i < firstLocal; i++) {
                    locals.add(Opcodes.TOP); // the method may have reassigned its arguments: exit uses the copies
                }
                locals.addAll(frameLocals);
                super.visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), 1, new Object[] {"java/lang/Throwable"});
            }
            super.visitVarInsn(Opcodes.ASTORE, thrownSlot);
            push(exit, Path.THROWN, true);
            call(exit);
            super.visitVarInsn(Opcodes.ALOAD, thrownSlot);
            super.visitInsn(Opcodes.ATHROW);
            // Registered last: the method's own handlers come first in the table, so they still catch first.
            super.visitTryCatchBlock(tryStart, tryEnd, catchAll, null);
        }
        super.visitMaxs(maxStack + extraStack, Math.max(maxLocals, firstLocal) + extraLocals);
    }

    @Override
    public void visitVarInsn(int opcode, int var) {
        super.visitVarInsn(opcode, remap(var, opcode == Opcodes.LLOAD || opcode == Opcodes.DLOAD || opcode == Opcodes.LSTORE || opcode == Opcodes.DSTORE));
    }

    @Override
    public void visitIincInsn(int var, int increment) {
        super.visitIincInsn(remap(var, false), increment);
    }

    @Override
    public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end, int index) {
        super.visitLocalVariable(name, descriptor, signature, start, end, remap(index, false));
    }

    @Override
    public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath, Label[] start, Label[] end, int[] index,
                                                          String descriptor, boolean visible) {
        int[] moved = new int[index.length];
        for (int i = 0; i < index.length; i++) {
            moved[i] = remap(index[i], false);
        }
        return super.visitLocalVariableAnnotation(typeRef, typePath, start, end, moved, descriptor, visible);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        if (!frames) {
            return; // a class file before version 50 has no use for them
        }
        if (type != Opcodes.F_NEW) {
            throw new IllegalStateException("frames must be expanded (ClassReader.EXPAND_FRAMES)");
        }
        List<Object> locals = new ArrayList<Object>(numLocal + frameLocals.size() + firstLocal);
        int slot = 0;
        int i = 0;
        for (; i < numLocal && slot < firstLocal; i++) {
            locals.add(local[i]);
            slot += Values.frameSlots(local[i]);
        }
        if (slot > firstLocal) {
            throw new UnsupportedAdviceException(where() + ": a two-slot value straddles the last argument slot");
        }
        for (; slot < firstLocal; slot++) {
            locals.add(Opcodes.TOP);
        }
        locals.addAll(frameLocals);
        for (; i < numLocal; i++) {
            locals.add(local[i]);
        }
        super.visitFrame(type, locals.size(), locals.toArray(), numStack, stack);
    }

    /** The method's own slot {@code var} in the rewritten method. */
    private int remap(int var, boolean twoSlots) {
        if (var < firstLocal) {
            if (twoSlots && var == firstLocal - 1) {
                throw new UnsupportedAdviceException(where() + ": a two-slot value straddles the last argument slot");
            }
            return var;
        }
        return var + extraLocals;
    }

    private void call(AdviceMethod advice) {
        super.visitMethodInsn(Opcodes.INVOKESTATIC, advice.owner(), advice.name(), advice.descriptor(), false);
    }

    /**
     * Pushes the advice's arguments, or with {@code emit} false only checks that each can be bound here.
     *
     * @throws UnsupportedAdviceException if a binding does not fit this method
     */
    private void push(AdviceMethod advice, Path path, boolean emit) {
        for (AdviceBinding b : advice.bindings()) {
            String value = value(b, path, emit);
            if (value == null) {
                if (!Values.isReference(b.descriptor())) {
                    throw unsupported(advice, b, "is absent here and not a reference");
                }
                if (emit) {
                    super.visitInsn(Opcodes.ACONST_NULL);
                }
            } else if (!Values.convertible(value, b.descriptor())) {
                throw unsupported(advice, b, "cannot take a " + value);
            } else if (emit) {
                Values.convert(mv, value, b.descriptor());
            }
        }
    }

    /** Loads one binding's value (when {@code emit}) and gives its type, or null for a null the caller pushes. */
    private String value(AdviceBinding b, Path path, boolean emit) {
        switch (b.kind()) {
            case THIS:
                if (isStatic || constructor && path == Path.ENTRY) {
                    if (!b.optional()) {
                        throw new UnsupportedAdviceException(where() + ": @Advice.This is not available "
                                + (isStatic ? "in a static method" : "before a constructor has run") + " (use optional = true for null)");
                    }
                    return null;
                }
                return load(Opcodes.ALOAD, path == Path.ENTRY || constructor ? 0 : thisCopy, "L" + owner + ";", emit);
            case ARGUMENT:
                if (b.index() >= arguments.length) {
                    if (!b.optional()) {
                        throw new UnsupportedAdviceException(where() + ": no argument " + b.index() + " to bind");
                    }
                    return null;
                }
                String type = arguments[b.index()];
                return load(Values.load(type), path == Path.ENTRY ? argumentSlots[b.index()] : argumentCopies[b.index()], type, emit);
            case ENTER:
                return load(Values.load(enter.returnDescriptor()), enterSlot, enter.returnDescriptor(), emit);
            case RETURN:
                if (returned.equals("V")) {
                    return null;
                }
                if (path == Path.THROWN) {
                    if (emit) {
                        Values.pushDefault(mv, b.descriptor());
                    }
                    return b.descriptor();
                }
                return load(Values.load(returned), returnSlot, returned, emit);
            case THROWN:
                return path == Path.THROWN ? load(Opcodes.ALOAD, thrownSlot, "Ljava/lang/Throwable;", emit) : null;
            case FIELD:
                if (isStatic || constructor && path == Path.ENTRY) {
                    throw new UnsupportedAdviceException(where() + ": @Advice.FieldValue(\"" + b.field() + "\") needs an initialised this");
                }
                load(Opcodes.ALOAD, path == Path.ENTRY || constructor ? 0 : thisCopy, "L" + owner + ";", emit);
                if (emit) {
                    // Resolved by the JVM through the class's superclasses, as if the class read its own field.
                    super.visitFieldInsn(Opcodes.GETFIELD, owner, b.field(), b.descriptor());
                }
                return b.descriptor();
            case ORIGIN_TYPE:
                return constant(owner.replace('/', '.'), emit);
            default:
                return constant(name, emit);
        }
    }

    private String load(int opcode, int slot, String type, boolean emit) {
        if (emit) {
            super.visitVarInsn(opcode, slot);
        }
        return type;
    }

    private String constant(String value, boolean emit) {
        if (emit) {
            super.visitLdcInsn(value);
        }
        return "Ljava/lang/String;";
    }

    private UnsupportedAdviceException unsupported(AdviceMethod advice, AdviceBinding b, String why) {
        return new UnsupportedAdviceException(where() + ": " + advice + " parameter " + b + " " + why);
    }

    private String where() {
        return owner.replace('/', '.') + "." + name;
    }
}
