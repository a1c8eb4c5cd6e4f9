package dev.tether.agent.instrument;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A class of a named module (the JDK's HTTP server and client, its pools and its logger) rewritten to
 * call advice must read the advice's module, the unnamed module of its own loader where
 * {@code AdviceInjector} defined it, and the bridge's, the boot loader's unnamed module; a named module
 * reads no unnamed module unless told to. This adds those read edges, through {@link Instrumentation} on
 * Java 9+ and by reflection, since the agent is compiled for Java 8. On Java 8 there are no modules and
 * it does nothing.
 */
final class ModuleReads {
    private final Instrumentation instrumentation;
    private final Object bridgeModule;
    private final Method getModule;
    private final Method isNamed;
    private final Method redefineModule;
    private final Method getUnnamedModule;
    private final Set<List<Object>> done = new HashSet<List<Object>>();
    private Map<String, Object> bootPackages;

    private ModuleReads(Instrumentation instrumentation, Object bridgeModule, Method getModule, Method isNamed, Method redefineModule,
                        Method getUnnamedModule) {
        this.instrumentation = instrumentation;
        this.bridgeModule = bridgeModule;
        this.getModule = getModule;
        this.isNamed = isNamed;
        this.redefineModule = redefineModule;
        this.getUnnamedModule = getUnnamedModule;
    }

    static ModuleReads to(Instrumentation instrumentation, Class<?> bridge) throws Exception {
        Method getModule;
        try {
            getModule = Class.class.getMethod("getModule");
        } catch (NoSuchMethodException java8) {
            return new ModuleReads(instrumentation, null, null, null, null, null);
        }
        Class<?> moduleType = Class.forName("java.lang.Module");
        Method redefine = Instrumentation.class.getMethod("redefineModule", moduleType, Set.class, Map.class, Map.class, Set.class, Map.class);
        return new ModuleReads(instrumentation, getModule.invoke(bridge), getModule, moduleType.getMethod("isNamed"), redefine,
                ClassLoader.class.getMethod("getUnnamedModule"));
    }

    /**
     * Lets {@code type}'s module read the bridge's and the advice's.
     *
     * @param adviceLoader the loader the advice was defined in, null for the boot loader
     */
    void forClass(Class<?> type, ClassLoader adviceLoader) throws Exception {
        if (getModule != null) {
            forModule(getModule.invoke(type), adviceLoader);
        }
    }

    /**
     * Lets the boot layer's module that holds {@code packageName} ({@code a.b}) read the bridge's and the advice's: the
     * class being defined in it has no {@code Class} yet. The boot layer holds the JDK and, for an app run
     * from the module path, the app. Packages of the unnamed modules (the class path) need nothing.
     */
    void forPackage(String packageName, ClassLoader adviceLoader) throws Exception {
        if (getModule == null) {
            return;
        }
        Object module = bootLayerPackages().get(packageName);
        if (module != null) {
            forModule(module, adviceLoader);
        }
    }

    private synchronized Map<String, Object> bootLayerPackages() throws Exception {
        if (bootPackages == null) {
            Map<String, Object> byPackage = new HashMap<String, Object>();
            Class<?> layerType = Class.forName("java.lang.ModuleLayer");
            Object boot = layerType.getMethod("boot").invoke(null);
            Method getPackages = Class.forName("java.lang.Module").getMethod("getPackages");
            for (Object m : (Set<?>) layerType.getMethod("modules").invoke(boot)) {
                for (Object p : (Set<?>) getPackages.invoke(m)) {
                    byPackage.put((String) p, m);
                }
            }
            bootPackages = byPackage;
        }
        return bootPackages;
    }

    private synchronized void forModule(Object module, ClassLoader adviceLoader) throws Exception {
        if (module == null || !(Boolean) isNamed.invoke(module)) {
            return;
        }
        Object adviceModule = adviceLoader == null ? bridgeModule : getUnnamedModule.invoke(adviceLoader);
        if (!done.add(Arrays.asList(module, adviceModule))) {
            return;
        }
        Set<Object> reads = new HashSet<Object>(Arrays.asList(bridgeModule, adviceModule));
        redefineModule.invoke(instrumentation, module, reads, Collections.emptyMap(),
                Collections.emptyMap(), Collections.emptySet(), Collections.emptyMap());
    }
}
