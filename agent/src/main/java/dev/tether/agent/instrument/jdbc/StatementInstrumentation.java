package dev.tether.agent.instrument.jdbc;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.TypeFilter;
import dev.tether.agent.instrument.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * {@code execute*} of every {@code java.sql.Statement} implementation. A statement's SQL is its first
 * argument, or for a {@code PreparedStatement} what {@link ConnectionInstrumentation} saw it prepared
 * with. A pool's wrapper and the driver's statement nest on one thread: only the outermost is timed.
 */
public final class StatementInstrumentation implements TypeInstrumentation {
    @Override
    public TypeFilter types() {
        return TypeFilter.implementing("java.sql.Statement");
    }

    @Override
    public ElementMatcher<? super MethodDescription> methods() {
        return isPublic().and(not(isAbstract())).and(
                named("execute").or(named("executeQuery")).or(named("executeUpdate")).or(named("executeLargeUpdate"))
                        .or(named("executeBatch")).or(named("executeLargeBatch")))
                .and(takesArguments(0).or(takesArgument(0, String.class)));
    }

    @Override
    public String adviceClassName() {
        return "dev.tether.agent.instrument.jdbc.StatementInstrumentation$ExecuteAdvice";
    }

    public static final class ExecuteAdvice {
        private ExecuteAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static long enter() {
            return TetherBridge.enter(TetherBridge.JDBC);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.Enter long start, @Advice.This Object statement,
                                @Advice.Argument(value = 0, optional = true) Object sql, @Advice.Thrown Throwable thrown) {
            if (TetherBridge.exit(TetherBridge.JDBC, start)) {
                TetherBridge.jdbc(start, statement, (String) sql, thrown);
            }
        }
    }
}
