package dev.tether.agent.instrument.jdbc;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.MethodSelector;
import dev.tether.agent.instrument.TypeFilter;
import dev.tether.agent.instrument.TypeInstrumentation;
import net.bytebuddy.asm.Advice;


/**
 * {@code execute*} of every {@code java.sql.Statement} implementation. A statement's SQL is its first
 * argument, or for a {@code PreparedStatement} what {@link ConnectionInstrumentation} saw it prepared
 * with. A pool's wrapper and the driver's statement nest on one thread: only the outermost is timed.
 */
public final class StatementInstrumentation implements TypeInstrumentation {
    private static final String[] EXECUTE = {"execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch"};

    @Override
    public TypeFilter types() {
        return TypeFilter.implementing("java.sql.Statement");
    }

    @Override
    public MethodSelector methods() {
        return MethodSelector.named(EXECUTE).publicOnly().arguments(0)
                .or(MethodSelector.named(EXECUTE).publicOnly().argument(0, "java.lang.String"));
    }

    @Override
    public String adviceClassName() {
        return "dev.tether.agent.instrument.jdbc.StatementInstrumentation$ExecuteAdvice";
    }

    public static final class ExecuteAdvice {
        private ExecuteAdvice() {
        }

        @Advice.OnMethodEnter
        public static long enter() {
            try {
                return TetherBridge.enter(TetherBridge.JDBC);
            } catch (Throwable t) {
                TetherBridge.adviceFailed(t, TetherBridge.JDBC);
                return -1L;
            }
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        public static void exit(@Advice.Enter long start, @Advice.This Object statement,
                                @Advice.Argument(value = 0, optional = true) Object sql, @Advice.Thrown Throwable thrown) {
            try {
                if (TetherBridge.exit(TetherBridge.JDBC, start)) {
                    TetherBridge.jdbc(start, statement, (String) sql, thrown);
                }
            } catch (Throwable t) {
                TetherBridge.adviceFailed(t, TetherBridge.JDBC);
            }
        }
    }
}
