package dev.tether.agent.instrument.httpclient;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.InstrumentationModule;
import dev.tether.agent.instrument.TypeInstrumentation;

import java.util.Arrays;
import java.util.List;

/** {@code http-client}: {@code java.net.http.HttpClient} (Java 11+) and the JDK's {@code HttpURLConnection}. */
public final class HttpClientModule implements InstrumentationModule {
    @Override
    public String name() {
        return "http-client";
    }

    @Override
    public int bridgeId() {
        return TetherBridge.HTTP_CLIENT;
    }

    /** {@code HttpURLConnection} is in every JDK; on Java 8 the {@code java.net.http} matcher matches nothing. */
    @Override
    public boolean isApplicable() {
        return true;
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Arrays.<TypeInstrumentation>asList(new JdkHttpClientInstrumentation(), new UrlConnectionInstrumentation());
    }
}
