package dev.tether.agent.instrument;

import dev.tether.agent.instrument.weaving.AdviceInjector;
import dev.tether.agent.instrument.weaving.AdviceModel;
import dev.tether.agent.instrument.weaving.AdviceModels;
import dev.tether.agent.instrument.weaving.ClassWeaver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites one class: each matching instrumentation's advice is called from the methods it selects
 * ({@link ClassWeaver}, plain ASM, frames carried over so nothing is loaded). Before the rewritten class
 * is handed back, its advice is defined in its loader ({@link AdviceInjector}) and, for a class of a
 * named module, the module is made to read the advice's and the bridge's ({@link ModuleReads}).
 */
final class AdviceWeaver {
    private final AdviceModels models;
    private final AdviceInjector injector;
    private final ModuleReads reads;

    AdviceWeaver(AdviceModels models, AdviceInjector injector, ModuleReads reads) {
        this.models = models;
        this.injector = injector;
        this.reads = reads;
    }

    /**
     * @param redefined the loaded class when retransforming, else null
     * @return the rewritten class file, or null to leave the class as it is (an interface, no method selected)
     */
    byte[] weave(String binaryName, ClassLoader loader, Class<?> redefined, byte[] classFile, List<Target> targets) throws Exception {
        List<ClassWeaver.Advised> advised = new ArrayList<ClassWeaver.Advised>(targets.size());
        for (Target t : targets) {
            advised.add(new ClassWeaver.Advised(t.type().methodsIn(binaryName), models.get(t.type().adviceClassName())));
        }
        Set<AdviceModel> used = new LinkedHashSet<AdviceModel>();
        byte[] woven = new ClassWeaver(advised).weave(classFile, used);
        if (woven == null) {
            return null;
        }
        for (AdviceModel m : used) {
            injector.inject(loader, m.className());
        }
        if (redefined != null) {
            reads.forClass(redefined, loader);
        } else if (binaryName.indexOf('.') > 0) {
            reads.forPackage(binaryName.substring(0, binaryName.lastIndexOf('.')), loader);
        }
        return woven;
    }

    /** A type instrumentation with the module it belongs to. */
    static final class Target {
        private final InstrumentationModule module;
        private final TypeInstrumentation type;

        Target(InstrumentationModule module, TypeInstrumentation type) {
            this.module = module;
            this.type = type;
        }

        InstrumentationModule module() {
            return module;
        }

        TypeInstrumentation type() {
            return type;
        }
    }
}
