package dev.tether.agent.instrument.executors;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.MethodSelector;
import dev.tether.agent.instrument.TypeFilter;
import dev.tether.agent.instrument.TypeInstrumentation;
import net.bytebuddy.asm.Advice;


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
    public MethodSelector methods() {
        return MethodSelector.constructors().or(MethodSelector.named("reject").arguments(1));
    }

    @Override
    public String adviceClassName() {
        return "dev.tether.agent.instrument.executors.ThreadPoolExecutorInstrumentation$PoolAdvice";
    }

    public static final class PoolAdvice {
        private PoolAdvice() {
        }

        /** {@code pool} is null in a constructor, whose {@code this} is not usable yet. */
        @Advice.OnMethodEnter
        public static void enter(@Advice.Origin("#m") String method, @Advice.This(optional = true) Object pool) {
            try {
                if (method.equals("reject")) {
                    TetherBridge.executorRejected(pool);
                }
            } catch (Throwable t) {
                TetherBridge.adviceFailed(t, TetherBridge.EXECUTORS);
            }
        }

        @Advice.OnMethodExit
        public static void exit(@Advice.Origin("#m") String method, @Advice.This Object pool) {
            try {
                if (method.equals("<init>")) {
                    TetherBridge.executorCreated(pool);
                }
            } catch (Throwable t) {
                TetherBridge.adviceFailed(t, TetherBridge.EXECUTORS);
            }
        }
    }
}
