package dev.tether.agent.instrument;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.config.AgentOptions;
import dev.tether.agent.instrument.AdviceWeaver.Target;
import dev.tether.agent.instrument.recording.InstrumentationMetrics;
import dev.tether.agent.instrument.weaving.AdviceClassFiles;
import dev.tether.agent.instrument.weaving.AdviceInjector;
import dev.tether.agent.instrument.weaving.AdviceModels;
import dev.tether.agent.instrument.weaving.UnsafeDefiner;
import dev.tether.agent.log.AgentLog;
import io.prometheus.client.CollectorRegistry;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Everything that touches the bridge, kept out of {@link InstrumentationInstaller} so that no bridge
 * class can be loaded (by the class path's loader) before the bridge is on the boot class path.
 *
 * <p>Installs one {@link AdviceTransformer} for every selected module, then retransforms the classes
 * the app loaded before it. Byte Buddy is deliberately not used at run time: its {@code AgentBuilder}
 * describes and matches every class the JVM loads, which cost about 40 MB of peak RSS whatever was
 * instrumented, and weaving a single class with it loads some 840 of its classes (docs/benchmarks.md).
 * Only the ASM it bundles runs, for the classes that are rewritten.
 */
final class BridgeWiring {
    private final Instrumentation instrumentation;
    private final AgentLog log;

    BridgeWiring(Instrumentation instrumentation, AgentLog log) {
        this.instrumentation = instrumentation;
        this.log = log;
    }

    void install(List<InstrumentationModule> modules, AgentOptions options, CollectorRegistry registry) throws Exception {
        String[] names = new String[TetherBridge.COUNT];
        boolean[] installed = new boolean[TetherBridge.COUNT];
        List<Target> targets = new ArrayList<Target>();
        for (InstrumentationModule m : modules) {
            names[m.bridgeId()] = m.name();
            installed[m.bridgeId()] = true;
            for (TypeInstrumentation t : m.typeInstrumentations()) {
                targets.add(new Target(m, t));
            }
        }
        TetherBridge.install(new InstrumentationMetrics(registry, names, installed, options.maxLabelValues(), log));
        AdviceClassFiles adviceFiles = new AdviceClassFiles(BridgeWiring.class.getClassLoader());
        AdviceWeaver weaver = new AdviceWeaver(new AdviceModels(adviceFiles),
                new AdviceInjector(UnsafeDefiner.of(instrumentation), adviceFiles), ModuleReads.to(instrumentation, TetherBridge.class));
        AdviceTransformer transformer = new AdviceTransformer(targets, weaver);
        instrumentation.addTransformer(transformer, true);
        retransformLoaded(transformer);
        for (InstrumentationModule m : modules) {
            if (!TetherBridge.isDisabled(m.bridgeId())) {
                log.debug("instrumentation installed: " + m.name());
            }
        }
    }

    /**
     * Classes the app loaded before the transformer was added (on the start thread, or before
     * {@code attach}) are rewritten now, one by one, so that one that cannot be rewritten costs only its
     * own instrumentation.
     */
    private void retransformLoaded(AdviceTransformer transformer) {
        Class<?>[] loaded = instrumentation.getAllLoadedClasses();
        Set<String> supertypeNames = transformer.supertypeNames();
        List<Class<?>> supertypes = new ArrayList<Class<?>>();
        for (Class<?> c : loaded) {
            if (supertypeNames.contains(c.getName())) {
                supertypes.add(c);
            }
        }
        for (Class<?> c : loaded) {
            if (c.isArray() || c.isPrimitive()) {
                continue;
            }
            List<Target> selected = transformer.selectLoaded(c, supertypes);
            if (selected.isEmpty() || !instrumentation.isModifiableClass(c)) {
                continue;
            }
            try {
                instrumentation.retransformClasses(c);
            } catch (Throwable t) {
                for (Target m : selected) {
                    TetherBridge.fail(m.module().bridgeId(), new IllegalStateException("cannot retransform " + c.getName() + ": " + t, t));
                }
            }
        }
    }
}
