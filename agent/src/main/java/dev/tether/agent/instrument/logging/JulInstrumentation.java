package dev.tether.agent.instrument.logging;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.MethodSelector;
import dev.tether.agent.instrument.TypeFilter;
import dev.tether.agent.instrument.TypeInstrumentation;
import net.bytebuddy.asm.Advice;

import java.util.logging.LogRecord;
import java.util.logging.Logger;


/** {@code Logger.log(LogRecord)}: every JUL call that passes the level ends there. */
public final class JulInstrumentation implements TypeInstrumentation {
    @Override
    public TypeFilter types() {
        return TypeFilter.named("java.util.logging.Logger");
    }

    @Override
    public MethodSelector methods() {
        return MethodSelector.named("log").arguments(1).argument(0, "java.util.logging.LogRecord");
    }

    @Override
    public String adviceClassName() {
        return "dev.tether.agent.instrument.logging.JulInstrumentation$LogAdvice";
    }

    public static final class LogAdvice {
        private LogAdvice() {
        }

        @Advice.OnMethodEnter
        public static void enter(@Advice.This Logger logger, @Advice.Argument(0) LogRecord record) {
            try {
                if (record != null && logger.isLoggable(record.getLevel())) {
                    TetherBridge.logEvent(TetherBridge.LOG_JUL, record.getLevel().getName());
                }
            } catch (Throwable t) {
                TetherBridge.adviceFailed(t, TetherBridge.LOGGING);
            }
        }
    }
}
