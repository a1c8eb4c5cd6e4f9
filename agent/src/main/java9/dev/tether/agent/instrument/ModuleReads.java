package dev.tether.agent.instrument;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Java 9+ version of {@code ModuleReads} (see the Java 8 one for why): the same read edges, through
 * the module API called directly. No reflection and no lambda: on JDK 18+ each reflective method costs
 * a generated accessor, and these run while the app starts.
 */
final class ModuleReads {
    private final Instrumentation instrumentation;
    private final Module bridgeModule;
    private final Set<List<Module>> done = new HashSet<List<Module>>();
    private Map<String, Module> bootPackages;

    private ModuleReads(Instrumentation instrumentation, Module bridgeModule) {
        this.instrumentation = instrumentation;
        this.bridgeModule = bridgeModule;
    }

    static ModuleReads to(Instrumentation instrumentation, Class<?> bridge) {
        return new ModuleReads(instrumentation, bridge.getModule());
    }

    void forClass(Class<?> type, ClassLoader adviceLoader) {
        forModule(type.getModule(), adviceLoader);
    }

    void forPackage(String packageName, ClassLoader adviceLoader) {
        Module module = bootLayerPackages().get(packageName);
        if (module != null) {
            forModule(module, adviceLoader);
        }
    }

    private synchronized Map<String, Module> bootLayerPackages() {
        if (bootPackages == null) {
            Map<String, Module> byPackage = new HashMap<String, Module>();
            for (Module m : ModuleLayer.boot().modules()) {
                for (String p : m.getPackages()) {
                    byPackage.put(p, m);
                }
            }
            bootPackages = byPackage;
        }
        return bootPackages;
    }

    private synchronized void forModule(Module module, ClassLoader adviceLoader) {
        if (module == null || !module.isNamed()) {
            return;
        }
        Module adviceModule = adviceLoader == null ? bridgeModule : adviceLoader.getUnnamedModule();
        List<Module> pair = new ArrayList<Module>(2);
        pair.add(module);
        pair.add(adviceModule);
        if (!done.add(pair)) {
            return;
        }
        Set<Module> reads = new HashSet<Module>();
        reads.add(bridgeModule);
        reads.add(adviceModule);
        instrumentation.redefineModule(module, reads, Map.<String, Set<Module>>of(), Map.<String, Set<Module>>of(),
                Set.<Class<?>>of(), Map.<Class<?>, List<Class<?>>>of());
    }
}
