package dev.tether.agent.instrument.logging;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.MethodSelector;
import dev.tether.agent.instrument.TypeFilter;
import dev.tether.agent.instrument.TypeInstrumentation;
import net.bytebuddy.asm.Advice;


/**
 * Log4j 2 core's {@code Logger}: the API ends each enabled event in {@code log(level, marker, fqcn,
 * location, message, throwable)} (2.20+) or {@code logMessage(fqcn, level, marker, message, throwable)};
 * one may call the other, so only the outermost counts. The level's {@code toString()} is its name.
 */
public final class Log4jInstrumentation implements TypeInstrumentation {
    @Override
    public TypeFilter types() {
        return TypeFilter.named("org.apache.logging.log4j.core.Logger");
    }

    @Override
    public MethodSelector methods() {
        return MethodSelector.named("logMessage").arguments(5).or(MethodSelector.named("log").arguments(6));
    }

    @Override
    public String adviceClassName() {
        return "dev.tether.agent.instrument.logging.Log4jInstrumentation$LogMessageAdvice";
    }

    public static final class LogMessageAdvice {
        private LogMessageAdvice() {
        }

        @Advice.OnMethodEnter
        public static long enter() {
            try {
                return TetherBridge.enter(TetherBridge.LOGGING);
            } catch (Throwable t) {
                TetherBridge.adviceFailed(t, TetherBridge.LOGGING);
                return -1L;
            }
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        public static void exit(@Advice.Enter long start, @Advice.Origin("#m") String method,
                                @Advice.Argument(0) Object first, @Advice.Argument(1) Object second) {
            try {
                if (TetherBridge.exit(TetherBridge.LOGGING, start)) {
                    TetherBridge.logEvent(TetherBridge.LOG_LOG4J, method.equals("log") ? first : second);
                }
            } catch (Throwable t) {
                TetherBridge.adviceFailed(t, TetherBridge.LOGGING);
            }
        }
    }
}
