package dev.tether.agent.instrument.httpclient;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.MethodSelector;
import dev.tether.agent.instrument.TypeFilter;
import dev.tether.agent.instrument.TypeInstrumentation;
import net.bytebuddy.asm.Advice;


/**
 * The JDK's client implementation, {@code send} and every {@code sendAsync}: the public methods delegate
 * to each other on the calling thread, so only the outermost is timed, a {@code send} when it returns, a
 * {@code sendAsync} when its future completes. Typed as {@code Object}: the agent is compiled for Java 8.
 */
public final class JdkHttpClientInstrumentation implements TypeInstrumentation {
    @Override
    public TypeFilter types() {
        return TypeFilter.named("jdk.internal.net.http.HttpClientImpl");
    }

    @Override
    public MethodSelector methods() {
        return MethodSelector.named("send", "sendAsync").argument(0, "java.net.http.HttpRequest");
    }

    @Override
    public String adviceClassName() {
        return "dev.tether.agent.instrument.httpclient.JdkHttpClientInstrumentation$SendAdvice";
    }

    public static final class SendAdvice {
        private SendAdvice() {
        }

        @Advice.OnMethodEnter
        public static long enter() {
            try {
                return TetherBridge.enter(TetherBridge.HTTP_CLIENT);
            } catch (Throwable t) {
                TetherBridge.adviceFailed(t, TetherBridge.HTTP_CLIENT);
                return -1L;
            }
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        public static void exit(@Advice.Enter long start, @Advice.Origin("#m") String name, @Advice.Argument(0) Object request,
                                @Advice.Return Object result, @Advice.Thrown Throwable thrown) {
            try {
                if (TetherBridge.exit(TetherBridge.HTTP_CLIENT, start)) {
                    if (name.equals("send")) {
                        TetherBridge.httpClient(start, request, result, thrown);
                    } else {
                        TetherBridge.httpClientAsync(start, request, result, thrown);
                    }
                }
            } catch (Throwable t) {
                TetherBridge.adviceFailed(t, TetherBridge.HTTP_CLIENT);
            }
        }
    }
}
