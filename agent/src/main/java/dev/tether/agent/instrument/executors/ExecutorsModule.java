package dev.tether.agent.instrument.executors;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.InstrumentationModule;
import dev.tether.agent.instrument.TypeInstrumentation;

import java.util.Collections;
import java.util.List;

/** {@code executors}: every {@code ThreadPoolExecutor} created after the agent is ready. */
public final class ExecutorsModule implements InstrumentationModule {
    @Override
    public String name() {
        return "executors";
    }

    @Override
    public int bridgeId() {
        return TetherBridge.EXECUTORS;
    }

    @Override
    public boolean isApplicable() {
        return true;
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Collections.<TypeInstrumentation>singletonList(new ThreadPoolExecutorInstrumentation());
    }
}
