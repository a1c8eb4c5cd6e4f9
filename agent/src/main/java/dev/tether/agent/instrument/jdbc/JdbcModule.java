package dev.tether.agent.instrument.jdbc;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.InstrumentationModule;
import dev.tether.agent.instrument.TypeInstrumentation;

import java.util.Arrays;
import java.util.List;

/** {@code jdbc}: every driver's (and pool's) {@code Statement} and {@code PreparedStatement}. */
public final class JdbcModule implements InstrumentationModule {
    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public int bridgeId() {
        return TetherBridge.JDBC;
    }

    @Override
    public boolean isApplicable() {
        return true;
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Arrays.<TypeInstrumentation>asList(new StatementInstrumentation(), new ConnectionInstrumentation());
    }
}
