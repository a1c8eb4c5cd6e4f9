package dev.tether.agent.instrument;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.TypeResolutionStrategy;
import net.bytebuddy.dynamic.VisibilityBridgeStrategy;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.implementation.bytecode.constant.IntegerConstant;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Rewrites one class: inlines each matching instrumentation's advice into the methods it selects, with
 * Byte Buddy's {@link Advice}. The class keeps its shape (no field, method or interface is added), as
 * retransformation requires, and nothing is loaded: types are described from class files.
 *
 * <p>This is the only class that builds Byte Buddy types, and only for classes a {@link TypeFilter}
 * selected, so an app that uses none of the instrumented libraries never pays for them.
 */
final class AdviceWeaver {
    private final ByteBuddy byteBuddy = new ByteBuddy()
            .with(TypeValidation.DISABLED)
            .with(Implementation.Context.Disabled.Factory.INSTANCE)
            .with(InstrumentedType.Factory.Default.FROZEN)
            .with(VisibilityBridgeStrategy.Default.NEVER)
            // Advice rewrites declared methods only: no need to resolve the whole hierarchy's methods.
            .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE);
    private final ClassFileLocator adviceLocator = ClassFileLocator.ForClassLoader.of(AdviceWeaver.class.getClassLoader());
    private final TypePool advicePool = TypePool.Default.of(adviceLocator);
    private final MethodDescription adviceFailed;
    private final ConcurrentMap<String, Advice> advice = new ConcurrentHashMap<String, Advice>();

    /** @param adviceFailed {@code TetherBridge.adviceFailed(Throwable, int)}, called when advice throws */
    AdviceWeaver(MethodDescription adviceFailed) {
        this.adviceFailed = adviceFailed;
    }

    /**
     * @param redefined the loaded class when retransforming, else null
     * @return the rewritten class file, or null to leave the class as it is (an interface)
     */
    byte[] weave(String binaryName, ClassLoader loader, Class<?> redefined, byte[] classFile, List<Target> targets) {
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(binaryName, classFile),
                loader == null ? ClassFileLocator.ForClassLoader.ofBootLoader() : ClassFileLocator.ForClassLoader.of(loader));
        TypePool pool = new TypePool.Default.WithLazyResolution(new TypePool.CacheProvider.Simple(), locator, TypePool.Default.ReaderMode.FAST);
        TypeDescription type = pool.describe(binaryName).resolve();
        if (type.isInterface()) {
            return null;
        }
        AsmVisitorWrapper.ForDeclaredMethods methods = new AsmVisitorWrapper.ForDeclaredMethods();
        for (Target t : targets) {
            methods = methods.invokable(selected(t.type().methodsIn(binaryName)), advice(t));
        }
        return byteBuddy.redefine(type, locator).visit(methods).make(TypeResolutionStrategy.Disabled.INSTANCE, pool).getBytes();
    }

    private static ElementMatcher<MethodDescription> selected(final MethodSelector selector) {
        return new ElementMatcher<MethodDescription>() {
            @Override
            public boolean matches(MethodDescription m) {
                return selector.matches(m.getActualModifiers(), m.getInternalName(), m.getDescriptor());
            }
        };
    }

    private Advice advice(Target t) {
        String name = t.type().adviceClassName();
        Advice a = advice.get(name);
        if (a == null) {
            Advice.ExceptionHandler onAdviceError = new Advice.ExceptionHandler.Simple(new StackManipulation.Compound(
                    IntegerConstant.forValue(t.module().bridgeId()), MethodInvocation.invoke(adviceFailed)));
            a = Advice.to(advicePool.describe(name).resolve(), adviceLocator).withExceptionHandler(onAdviceError);
            advice.putIfAbsent(name, a);
        }
        return a;
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
