package dev.tether.agent.instrument;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.AdviceWeaver.Target;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agent's one {@link ClassFileTransformer}. It sees every class the JVM defines, so its common path
 * (a class nobody instruments) is a hash lookup on the name and nothing else; only the selected classes
 * go on to {@link AdviceWeaver}.
 *
 * <p>{@link TypeFilter#implementing} filters read class-file headers ({@link SupertypeIndex}), and only
 * once the JVM has defined a class of the supertype's package: no JDBC driver class can be defined before
 * some {@code java.sql} type is (the driver's own {@code java.sql.Driver}), so an app without JDBC never
 * pays for the header reads.
 *
 * <p>A failure rewriting a class leaves that class as it was and turns its instrumentation off. Classes
 * loaded while this thread is already inside the transformer are left alone, as
 * a class being loaded cannot be rewritten by code that needs it; the advice classes the weaver defines
 * in an instrumented class's loader are among them.
 */
final class AdviceTransformer implements ClassFileTransformer {
    /** Packages no instrumentation that selects by pattern or supertype may rewrite. */
    private static final String[] NEVER_BY_PATTERN = {"java/", "javax/", "jdk/", "sun/", "com/sun/", "dev/tether/agent/"};

    private final Map<String, List<Target>> byName = new HashMap<String, List<Target>>();
    private final List<Target> byPattern = new ArrayList<Target>();
    private final List<Target> bySupertype = new ArrayList<Target>();
    private final Set<String> supertypePackages = new HashSet<String>();
    private final SupertypeIndex supertypes;
    private final AdviceWeaver weaver;
    private final ThreadLocal<Boolean> busy = new ThreadLocal<Boolean>();
    private volatile boolean supertypePackageSeen;

    AdviceTransformer(List<Target> targets, AdviceWeaver weaver) {
        this.weaver = weaver;
        Set<String> supertypeNames = new HashSet<String>();
        for (Target t : targets) {
            TypeFilter f = t.type().types();
            switch (f.kind()) {
                case NAMED:
                    for (String n : f.names()) {
                        List<Target> list = byName.get(internal(n));
                        if (list == null) {
                            list = new ArrayList<Target>(1);
                            byName.put(internal(n), list);
                        }
                        list.add(t);
                    }
                    break;
                case IMPLEMENTING:
                    bySupertype.add(t);
                    for (String n : f.names()) {
                        supertypeNames.add(internal(n));
                        supertypePackages.add(internal(n).substring(0, internal(n).lastIndexOf('/') + 1));
                    }
                    break;
                default:
                    byPattern.add(t);
            }
        }
        this.supertypes = bySupertype.isEmpty() ? null : new SupertypeIndex(supertypeNames);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined, ProtectionDomain domain, byte[] classFile) {
        if (className == null || busy.get() != null) {
            return null;
        }
        busy.set(Boolean.TRUE);
        List<Target> matched = Collections.emptyList();
        try {
            matched = matches(loader, className, classFile);
            if (matched.isEmpty()) {
                return null;
            }
            return weaver.weave(className.replace('/', '.'), loader, classBeingRedefined, classFile, matched);
        } catch (Throwable t) {
            for (Target m : matched) {
                TetherBridge.fail(m.module().bridgeId(), new IllegalStateException("cannot instrument " + className.replace('/', '.') + ": " + t, t));
            }
            return null;
        } finally {
            busy.remove();
        }
    }

    /** The live targets whose filter selects the class; empty (and shared) for nearly every class. */
    List<Target> matches(ClassLoader loader, String className, byte[] classFile) {
        noteSupertypePackage(className);
        List<Target> found = live(byName.get(className), null);
        if (byPattern.isEmpty() && bySupertype.isEmpty() || isNeverByPattern(className)) {
            return found == null ? Collections.<Target>emptyList() : found;
        }
        if (!byPattern.isEmpty()) {
            String binaryName = className.replace('/', '.');
            for (Target t : byPattern) {
                if (t.type().types().matchesName(binaryName)) {
                    found = live(Collections.singletonList(t), found);
                }
            }
        }
        if (supertypePackageSeen && !bySupertype.isEmpty() && hasLive(bySupertype) && supertypes.isSubtype(loader, classFile)) {
            found = live(bySupertype, found);
        }
        return found == null ? Collections.<Target>emptyList() : found;
    }

    /** Called for every class already loaded when the transformer is installed. */
    void noteLoaded(String className) {
        noteSupertypePackage(className);
    }

    private void noteSupertypePackage(String className) {
        if (supertypePackageSeen) {
            return;
        }
        for (String pkg : supertypePackages) {
            if (className.startsWith(pkg) && className.indexOf('/', pkg.length()) < 0) {
                supertypePackageSeen = true;
            }
        }
    }

    /**
     * The targets that select a class loaded before the transformer was installed, to retransform it.
     *
     * @param loadedSupertypes the loaded classes named by {@link TypeFilter#implementing} filters
     */
    List<Target> selectLoaded(Class<?> type, List<Class<?>> loadedSupertypes) {
        String className = internal(type.getName());
        List<Target> found = live(byName.get(className), null);
        if (!isNeverByPattern(className) && !type.isInterface()) {
            for (Target t : byPattern) {
                if (t.type().types().matchesName(type.getName())) {
                    found = live(Collections.singletonList(t), found);
                }
            }
            for (Target t : bySupertype) {
                for (Class<?> s : loadedSupertypes) {
                    if (s != type && t.type().types().names().contains(s.getName()) && s.isAssignableFrom(type)) {
                        found = live(Collections.singletonList(t), found);
                        break;
                    }
                }
            }
        }
        return found == null ? Collections.<Target>emptyList() : found;
    }

    /** The binary names {@link TypeFilter#implementing} filters name. */
    Set<String> supertypeNames() {
        Set<String> names = new HashSet<String>();
        for (Target t : bySupertype) {
            names.addAll(t.type().types().names());
        }
        return names;
    }

    private static List<Target> live(List<Target> candidates, List<Target> into) {
        if (candidates == null) {
            return into;
        }
        for (Target t : candidates) {
            if (!TetherBridge.isDisabled(t.module().bridgeId())) {
                if (into == null) {
                    into = new ArrayList<Target>(2);
                }
                into.add(t);
            }
        }
        return into;
    }

    private static boolean hasLive(List<Target> targets) {
        for (Target t : targets) {
            if (!TetherBridge.isDisabled(t.module().bridgeId())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNeverByPattern(String className) {
        for (String p : NEVER_BY_PATTERN) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    static String internal(String binaryName) {
        return binaryName.replace('.', '/');
    }
}
