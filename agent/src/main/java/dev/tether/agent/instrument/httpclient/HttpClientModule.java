package dev.tether.agent.instrument.httpclient;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.InstrumentationModule;
import dev.tether.agent.instrument.TypeInstrumentation;

import java.util.Collections;
import java.util.List;

/** {@code http-client}: {@code java.net.http.HttpClient} (Java 11+). */
public final class HttpClientModule implements InstrumentationModule {
    @Override
    public String name() {
        return "http-client";
    }

    @Override
    public int bridgeId() {
        return TetherBridge.HTTP_CLIENT;
    }

    @Override
    public boolean isApplicable() {
        try {
            Class.forName("java.net.http.HttpClient", false, null);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            try {
                // java.net.http may be defined to the platform class loader.
                Class.forName("java.net.http.HttpClient", false, ClassLoader.getSystemClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e2) {
                return false;
            }
        }
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Collections.<TypeInstrumentation>singletonList(new JdkHttpClientInstrumentation());
    }
}
