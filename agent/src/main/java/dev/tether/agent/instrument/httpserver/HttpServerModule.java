package dev.tether.agent.instrument.httpserver;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.InstrumentationModule;
import dev.tether.agent.instrument.TypeInstrumentation;

import java.util.Arrays;
import java.util.List;

/** {@code http-server}: the JDK's {@code com.sun.net.httpserver} and the Servlet API, {@code javax} and {@code jakarta}. */
public final class HttpServerModule implements InstrumentationModule {
    @Override
    public String name() {
        return "http-server";
    }

    @Override
    public int bridgeId() {
        return TetherBridge.HTTP_SERVER;
    }

    @Override
    public boolean isApplicable() {
        return true;
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Arrays.<TypeInstrumentation>asList(new JdkHttpServerInstrumentation(), new JavaxServletInstrumentation(),
                new JakartaServletInstrumentation());
    }
}
