package dev.tether.agent.instrument.jdbc;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.TypeFilter;
import dev.tether.agent.instrument.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

/** {@code prepareStatement}/{@code prepareCall}: remembers (weakly) each prepared statement's operation. */
public final class ConnectionInstrumentation implements TypeInstrumentation {
    @Override
    public TypeFilter types() {
        return TypeFilter.implementing("java.sql.Connection");
    }

    @Override
    public ElementMatcher<? super MethodDescription> methods() {
        return named("prepareStatement").or(named("prepareCall")).and(not(isAbstract())).and(takesArgument(0, String.class));
    }

    @Override
    public String adviceClassName() {
        return "dev.tether.agent.instrument.jdbc.ConnectionInstrumentation$PrepareAdvice";
    }

    public static final class PrepareAdvice {
        private PrepareAdvice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Argument(0) String sql, @Advice.Return Object statement) {
            TetherBridge.jdbcPrepared(statement, sql);
        }
    }
}
