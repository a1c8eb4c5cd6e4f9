package dev.tether.agent.instrument.jdbc;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.MethodSelector;
import dev.tether.agent.instrument.TypeFilter;
import dev.tether.agent.instrument.TypeInstrumentation;
import net.bytebuddy.asm.Advice;


/** {@code prepareStatement}/{@code prepareCall}: remembers (weakly) each prepared statement's operation. */
public final class ConnectionInstrumentation implements TypeInstrumentation {
    @Override
    public TypeFilter types() {
        return TypeFilter.implementing("java.sql.Connection");
    }

    @Override
    public MethodSelector methods() {
        return MethodSelector.named("prepareStatement", "prepareCall").argument(0, "java.lang.String");
    }

    @Override
    public String adviceClassName() {
        return "dev.tether.agent.instrument.jdbc.ConnectionInstrumentation$PrepareAdvice";
    }

    public static final class PrepareAdvice {
        private PrepareAdvice() {
        }

        @Advice.OnMethodExit
        public static void exit(@Advice.Argument(0) String sql, @Advice.Return Object statement) {
            try {
                TetherBridge.jdbcPrepared(statement, sql);
            } catch (Throwable t) {
                TetherBridge.adviceFailed(t, TetherBridge.JDBC);
            }
        }
    }
}
