package dev.tether.agent.instrument.logging;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.MethodSelector;
import dev.tether.agent.instrument.TypeFilter;
import dev.tether.agent.instrument.TypeInstrumentation;
import net.bytebuddy.asm.Advice;


/**
 * Logback's {@code Logger.callAppenders(ILoggingEvent)}: once per event that passed the level and the
 * turbo filters. The event is passed as is (the agent is not compiled against Logback).
 */
public final class LogbackInstrumentation implements TypeInstrumentation {
    @Override
    public TypeFilter types() {
        return TypeFilter.named("ch.qos.logback.classic.Logger");
    }

    @Override
    public MethodSelector methods() {
        return MethodSelector.named("callAppenders").arguments(1);
    }

    @Override
    public String adviceClassName() {
        return "dev.tether.agent.instrument.logging.LogbackInstrumentation$CallAppendersAdvice";
    }

    public static final class CallAppendersAdvice {
        private CallAppendersAdvice() {
        }

        @Advice.OnMethodEnter
        public static void enter(@Advice.Argument(0) Object event) {
            try {
                TetherBridge.logEvent(TetherBridge.LOG_LOGBACK, event);
            } catch (Throwable t) {
                TetherBridge.adviceFailed(t, TetherBridge.LOGGING);
            }
        }
    }
}
