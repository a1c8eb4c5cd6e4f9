package dev.tether.agent.instrument.httpserver;

import com.sun.net.httpserver.HttpExchange;
import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.MethodSelector;
import dev.tether.agent.instrument.TypeFilter;
import dev.tether.agent.instrument.TypeInstrumentation;
import net.bytebuddy.asm.Advice;


/**
 * {@code Filter.Chain.doFilter}: the server runs every exchange through it, the system filters, the app's
 * filters and the handler nested inside one another; the outermost call is the whole request. The
 * status is read once the handler has returned.
 */
public final class JdkHttpServerInstrumentation implements TypeInstrumentation {
    @Override
    public TypeFilter types() {
        return TypeFilter.named("com.sun.net.httpserver.Filter$Chain");
    }

    @Override
    public MethodSelector methods() {
        return MethodSelector.named("doFilter").arguments(1);
    }

    @Override
    public String adviceClassName() {
        return "dev.tether.agent.instrument.httpserver.JdkHttpServerInstrumentation$DoFilterAdvice";
    }

    public static final class DoFilterAdvice {
        private DoFilterAdvice() {
        }

        @Advice.OnMethodEnter
        public static long enter() {
            try {
                return TetherBridge.enter(TetherBridge.HTTP_SERVER);
            } catch (Throwable t) {
                TetherBridge.adviceFailed(t, TetherBridge.HTTP_SERVER);
                return -1L;
            }
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        public static void exit(@Advice.Enter long start, @Advice.Argument(0) HttpExchange exchange, @Advice.Thrown Throwable thrown) {
            try {
                if (TetherBridge.exit(TetherBridge.HTTP_SERVER, start)) {
                    TetherBridge.httpServer(start, exchange.getRequestMethod(), exchange.getResponseCode(),
                            exchange.getHttpContext().getPath(), exchange.getRequestURI().getRawPath(), thrown);
                }
            } catch (Throwable t) {
                TetherBridge.adviceFailed(t, TetherBridge.HTTP_SERVER);
            }
        }
    }
}
