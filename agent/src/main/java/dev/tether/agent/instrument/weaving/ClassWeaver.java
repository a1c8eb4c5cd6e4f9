package dev.tether.agent.instrument.weaving;

import dev.tether.agent.instrument.MethodSelector;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites one class file: each method some {@link Advised} selects gets that advice
 * ({@link AdviceMethodWeaver}); everything else is copied as it is. The class keeps its shape (no field,
 * method or interface is added), as retransformation requires. Frames are carried over, never
 * computed, so no class is loaded. Interfaces are left alone.
 */
public final class ClassWeaver {
    private final List<Advised> advised;

    public ClassWeaver(List<Advised> advised) {
        this.advised = Collections.unmodifiableList(new ArrayList<Advised>(advised));
    }

    /**
     * @param classFile the class as the JVM is about to define it
     * @param used      receives the advice the rewritten class calls
     * @return the rewritten class file, or null if no method was selected
     * @throws UnsupportedAdviceException if advice does not fit a method it was selected for
     */
    public byte[] weave(byte[] classFile, Set<AdviceModel> used) {
        ClassReader reader = new ClassReader(classFile);
        if ((reader.getAccess() & Opcodes.ACC_INTERFACE) != 0) {
            return null;
        }
        ClassWriter writer = new ClassWriter(reader, 0);
        Selecting selecting = new Selecting(writer);
        reader.accept(selecting, ClassReader.EXPAND_FRAMES);
        if (selecting.used.isEmpty()) {
            return null;
        }
        used.addAll(selecting.used);
        return writer.toByteArray();
    }

    /** Which methods get which advice. */
    public static final class Advised {
        private final MethodSelector methods;
        private final AdviceModel advice;

        public Advised(MethodSelector methods, AdviceModel advice) {
            this.methods = methods;
            this.advice = advice;
        }
    }

    private final class Selecting extends ClassVisitor {
        final Set<AdviceModel> used = new LinkedHashSet<AdviceModel>();
        private String owner;
        private boolean frames;

        Selecting(ClassVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            owner = name;
            frames = (version & 0xFFFF) >= Opcodes.V1_6;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
            if (name.equals("<clinit>")) {
                return mv;
            }
            for (Advised a : advised) {
                if (a.methods.matches(access, name, descriptor)) {
                    mv = new AdviceMethodWeaver(mv, owner, access, name, descriptor, frames, a.advice);
                    used.add(a.advice);
                }
            }
            return mv;
        }
    }
}
