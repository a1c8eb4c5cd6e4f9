package dev.tether.agent.metrics;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Info;

/**
 * The agent's own registry: never simpleclient's {@code defaultRegistry}, so nothing the agent
 * registers can clash with what the app registers, even if relocation were undone.
 */
public final class AgentMetrics {
    private AgentMetrics() {
    }

    /**
     * JVM metrics (memory, GC, threads, classes, buffer pools, JIT, process, {@code jvm_info}; set up on
     * the first scrape, see {@link JvmCollectors}) and {@code tether_agent_info{version,app}}.
     */
    public static CollectorRegistry create(String agentVersion, String app) {
        // No auto-describe: it would collect every JVM metric once at registration, for a name check the
        // agent does not need, on the start-up path.
        CollectorRegistry registry = new CollectorRegistry(false);
        new JvmCollectors().register(registry);
        Info info = Info.build()
                .name("tether_agent")
                .help("The Tether agent in this JVM: its version and the app it reports as.")
                .register(registry);
        info.info("version", agentVersion, "app", app);
        return registry;
    }
}
