package dev.tether.agent.instrument.logging;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.InstrumentationModule;
import dev.tether.agent.instrument.TypeInstrumentation;

import java.util.Arrays;
import java.util.List;

/** {@code logging}: {@code java.util.logging}, Logback and Log4j 2, whichever the app uses. */
public final class LoggingModule implements InstrumentationModule {
    @Override
    public String name() {
        return "logging";
    }

    @Override
    public int bridgeId() {
        return TetherBridge.LOGGING;
    }

    @Override
    public boolean isApplicable() {
        return true;
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Arrays.<TypeInstrumentation>asList(new JulInstrumentation(), new LogbackInstrumentation(), new Log4jInstrumentation());
    }
}
