package dev.tether.agent.metrics;

import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentMetricsTest {
    @Test
    void create_registry_hasAgentInfoAndJvmFamilies() {
        CollectorRegistry registry = AgentMetrics.create("1.2.3", "billing");
        assertThat(registry.getSampleValue("tether_agent_info", new String[] {"app", "version"}, new String[] {"billing", "1.2.3"}))
                .isEqualTo(1.0);
        assertThat(registry.getSampleValue("jvm_threads_current")).isPositive();
        assertThat(registry.getSampleValue("jvm_compilation_time_seconds_total",
                new String[] {"compiler"}, new String[] {java.lang.management.ManagementFactory.getCompilationMXBean().getName()}))
                .isNotNull();
    }

    @Test
    void create_twice_independentRegistriesLeaveDefaultRegistryAlone() {
        AgentMetrics.create("1", "a");
        AgentMetrics.create("1", "b");
        assertThat(CollectorRegistry.defaultRegistry.metricFamilySamples().hasMoreElements()).isFalse();
    }
}
