package dev.tether.agent.instrument.jdbc;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

/** {@code prepareStatement}/{@code prepareCall}: remembers (weakly) each prepared statement's operation. */
public final class ConnectionInstrumentation implements TypeInstrumentation {
    @Override
    public ElementMatcher<? super TypeDescription> types() {
        return not(isInterface()).and(not(nameStartsWith("java."))).and(hasSuperType(named("java.sql.Connection")));
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
