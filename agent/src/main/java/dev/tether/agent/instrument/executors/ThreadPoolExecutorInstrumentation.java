package dev.tether.agent.instrument.executors;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.TypeFilter;
import dev.tether.agent.instrument.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * {@code ThreadPoolExecutor}: its constructors register the pool (weakly: the agent never keeps a pool
 * alive), {@code reject} counts a rejected task whatever the rejection policy. The gauges are read from
 * the pools themselves on each scrape.
 */
public final class ThreadPoolExecutorInstrumentation implements TypeInstrumentation {
    @Override
    public TypeFilter types() {
        return TypeFilter.named("java.util.concurrent.ThreadPoolExecutor");
    }

    @Override
    public ElementMatcher<? super MethodDescription> methods() {
        return isConstructor().or(named("reject").and(takesArguments(1)));
    }

    @Override
    public String adviceClassName() {
        return "dev.tether.agent.instrument.executors.ThreadPoolExecutorInstrumentation$PoolAdvice";
    }

    public static final class PoolAdvice {
        private PoolAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.Origin("#m") String method, @Advice.This(optional = true) Object pool) {
            if (method.equals("reject")) {
                TetherBridge.executorRejected(pool);
            }
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Origin("#m") String method, @Advice.This Object pool) {
            if (method.equals("<init>")) {
                TetherBridge.executorCreated(pool);
            }
        }
    }
}
