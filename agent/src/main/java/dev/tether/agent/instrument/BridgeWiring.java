package dev.tether.agent.instrument;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.config.AgentOptions;
import dev.tether.agent.instrument.recording.InstrumentationMetrics;
import dev.tether.agent.log.AgentLog;
import io.prometheus.client.CollectorRegistry;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.implementation.bytecode.constant.IntegerConstant;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

import java.lang.instrument.Instrumentation;
import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

/**
 * Everything that touches the bridge, kept out of {@link InstrumentationInstaller} so that no bridge
 * class can be loaded (by the class path's loader) before the bridge is on the boot class path.
 * One {@link AgentBuilder} per module, so that a module that fails to install is the one turned off.
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
        for (InstrumentationModule m : modules) {
            names[m.bridgeId()] = m.name();
            installed[m.bridgeId()] = true;
        }
        TetherBridge.install(new InstrumentationMetrics(registry, names, installed, options.maxLabelValues(), log));
        MethodDescription adviceFailed = new MethodDescription.ForLoadedMethod(
                TetherBridge.class.getMethod("adviceFailed", Throwable.class, int.class));
        for (InstrumentationModule m : modules) {
            try {
                builder(m, adviceFailed).installOn(instrumentation);
                log.debug("instrumentation installed: " + m.name());
            } catch (Throwable t) {
                TetherBridge.fail(m.bridgeId(), t);
            }
        }
    }

    private AgentBuilder builder(final InstrumentationModule module, MethodDescription adviceFailed) {
        Advice.ExceptionHandler onAdviceError = new Advice.ExceptionHandler.Simple(new StackManipulation.Compound(
                IntegerConstant.forValue(module.bridgeId()), MethodInvocation.invoke(adviceFailed)));
        AgentBuilder builder = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.RedefinitionStrategy.Listener.ErrorEscalating.FAIL_LAST)
                .with(new AgentBuilder.Listener.Adapter() {
                    @Override
                    public void onError(String typeName, ClassLoader classLoader, JavaModule javaModule, boolean loaded, Throwable throwable) {
                        TetherBridge.fail(module.bridgeId(), throwable);
                    }
                })
                .ignore(ignored())
                .assureReadEdgeTo(instrumentation, TetherBridge.class);
        for (TypeInstrumentation t : module.typeInstrumentations()) {
            builder = builder.type(t.types()).transform(new AgentBuilder.Transformer.ForAdvice()
                    .include(BridgeWiring.class.getClassLoader())
                    .withExceptionHandler(onAdviceError)
                    .advice(t.methods(), t.adviceClassName()));
        }
        return builder;
    }

    /** The agent itself, relocated libraries, the JDK's internals (but the HTTP clients), generated classes. */
    private static ElementMatcher.Junction<TypeDescription> ignored() {
        return nameStartsWith("dev.tether.agent.")
                .or(nameStartsWith("net.bytebuddy."))
                .or(nameStartsWith("jdk.internal.").and(not(named("jdk.internal.net.http.HttpClientImpl"))))
                .or(nameStartsWith("sun.").and(not(named("sun.net.www.protocol.http.HttpURLConnection"))))
                .or(nameStartsWith("java.lang."))
                .or(nameStartsWith("com.sun.").and(not(nameStartsWith("com.sun.net.httpserver."))))
                .or(nameContains("$$Lambda"))
                .or(nameContains("$Proxy"))
                .or(isSynthetic());
    }
}
