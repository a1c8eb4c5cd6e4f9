package dev.tether.agent.instrument.methods;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.config.MethodPattern;
import dev.tether.agent.instrument.InstrumentationModule;
import dev.tether.agent.instrument.TypeInstrumentation;

import java.util.Collections;
import java.util.List;

/** {@code methods}: the methods that {@code methods=} names; nothing to do without it. */
public final class MethodsModule implements InstrumentationModule {
    private final List<MethodPattern> patterns;

    public MethodsModule(List<MethodPattern> patterns) {
        this.patterns = patterns;
    }

    @Override
    public String name() {
        return "methods";
    }

    @Override
    public int bridgeId() {
        return TetherBridge.METHODS;
    }

    @Override
    public boolean isApplicable() {
        return !patterns.isEmpty();
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Collections.<TypeInstrumentation>singletonList(new MethodsInstrumentation(patterns));
    }
}
