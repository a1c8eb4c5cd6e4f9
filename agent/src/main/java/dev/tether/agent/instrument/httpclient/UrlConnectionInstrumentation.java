package dev.tether.agent.instrument.httpclient;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.MethodSelector;
import dev.tether.agent.instrument.TypeFilter;
import dev.tether.agent.instrument.TypeInstrumentation;
import net.bytebuddy.asm.Advice;


/**
 * The JDK's {@code HttpURLConnection} ({@code http:} URLs), by its implementation's exact name. HTTPS goes
 * through {@code sun.net.www.protocol.https.DelegateHttpsURLConnection}, a subclass that overrides none of
 * these methods (its {@code connect()} calls {@code plainConnect()}), so it is covered too.
 *
 * <p>One exchange is counted once: it starts at the first of {@code plainConnect} (what {@code connect()}
 * does), {@code getOutputStream} and {@code getInputStream}, and ends when the outermost
 * {@code getInputStream} returns or throws ({@code getResponseCode}, {@code getHeaderField} and the rest
 * call it). A 404 whose {@code getInputStream} throws still has its status. A {@code connect} or
 * {@code getOutputStream} that throws ends the exchange as an error. The start time and whether the
 * exchange was counted live agent-side, by connection ({@code recording.UrlConnectionExchanges}): a
 * retransformed class cannot get new fields.
 */
public final class UrlConnectionInstrumentation implements TypeInstrumentation {
    static final String TYPE = "sun.net.www.protocol.http.HttpURLConnection";

    @Override
    public TypeFilter types() {
        return TypeFilter.named(TYPE);
    }

    @Override
    public MethodSelector methods() {
        return MethodSelector.named("getInputStream", "getOutputStream", "plainConnect").arguments(0);
    }

    @Override
    public String adviceClassName() {
        return "dev.tether.agent.instrument.httpclient.UrlConnectionInstrumentation$ExchangeAdvice";
    }

    public static final class ExchangeAdvice {
        private ExchangeAdvice() {
        }

        @Advice.OnMethodEnter
        public static long enter(@Advice.This Object connection) {
            try {
                TetherBridge.urlConnectionStarted(connection);
            } catch (Throwable t) {
                TetherBridge.adviceFailed(t, TetherBridge.HTTP_CLIENT);
            }
            return TetherBridge.enter(TetherBridge.HTTP_CLIENT);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        public static void exit(@Advice.Enter long start, @Advice.This Object connection, @Advice.Origin("#m") String name,
                                @Advice.FieldValue("responseCode") int responseCode, @Advice.Thrown Throwable thrown) {
            try {
                if (TetherBridge.exit(TetherBridge.HTTP_CLIENT, start)) {
                    boolean response = name.equals("getInputStream");
                    if (response || thrown != null) {
                        TetherBridge.urlConnection(start, connection, response, responseCode, thrown);
                    }
                }
            } catch (Throwable t) {
                TetherBridge.adviceFailed(t, TetherBridge.HTTP_CLIENT);
            }
        }
    }
}
