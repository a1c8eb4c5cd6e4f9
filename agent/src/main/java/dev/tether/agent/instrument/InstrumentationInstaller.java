package dev.tether.agent.instrument;

import dev.tether.agent.config.AgentOptions;
import dev.tether.agent.log.AgentLog;
import io.prometheus.client.CollectorRegistry;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs the selected automatic instrumentations: defines the bridge in the boot class loader
 * ({@link BootstrapBridge}), then wires the metrics and the agent's one transformer
 * ({@link BridgeWiring}).
 *
 * <p>It runs on the {@code tether-start} thread, never in premain. It runs after the endpoint is up and
 * before the discovery file is written: the agent reports itself ready only once every instrumentation
 * is in place, so no request served after "ready" goes uncounted. Classes the app loaded meanwhile are
 * retransformed, with no change to their shape.
 */
public final class InstrumentationInstaller {
    private final Instrumentation instrumentation;
    private final AgentOptions options;
    private final CollectorRegistry registry;
    private final AgentLog log;

    public InstrumentationInstaller(Instrumentation instrumentation, AgentOptions options, CollectorRegistry registry, AgentLog log) {
        this.instrumentation = instrumentation;
        this.options = options;
        this.registry = registry;
        this.log = log;
    }

    /** Installs what {@code instrument} selected; never throws. */
    public void install() {
        if (instrumentation == null || options.instrument().isEmpty()) {
            return;
        }
        try {
            List<InstrumentationModule> modules = new ArrayList<InstrumentationModule>();
            for (InstrumentationModule m : Instrumentations.modules(options)) {
                if (m.isApplicable()) {
                    modules.add(m);
                }
            }
            if (modules.isEmpty()) {
                return;
            }
            BootstrapBridge.inject(instrumentation);
            new BridgeWiring(instrumentation, log).install(modules, options, registry);
            log.debug("instrumentations selected: " + options.instrument());
        } catch (Throwable t) {
            log.problem("instrumentation not installed: " + t);
        }
    }
}
