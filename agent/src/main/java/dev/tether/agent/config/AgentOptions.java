package dev.tether.agent.config;

import dev.tether.agent.log.LogLevel;

import java.io.File;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The agent's settled configuration: every option has a value, checked and typed. Immutable. */
public final class AgentOptions {
    private final Map<Option, Object> values;

    AgentOptions(Map<Option, Object> values) {
        this.values = new EnumMap<Option, Object>(values);
        for (Option o : Option.values()) {
            if (!this.values.containsKey(o)) {
                throw new IllegalArgumentException("no value for " + o.key());
            }
        }
    }

    public String app() {
        return (String) values.get(Option.APP);
    }

    /** 0 asks for a free port. */
    public int port() {
        return (Integer) values.get(Option.PORT);
    }

    /** A literal IP address. */
    public String bind() {
        return (String) values.get(Option.BIND);
    }

    public File discoveryDir() {
        return (File) values.get(Option.DISCOVERY_DIR);
    }

    /**
     * Names from {@link dev.tether.agent.instrument.Instrumentations}; empty for {@code none}. Holds
     * {@code methods} whenever {@link #methods()} is non-empty, unless {@code instrument=-methods}.
     */
    @SuppressWarnings("unchecked")
    public Set<String> instrument() {
        return (Set<String>) values.get(Option.INSTRUMENT);
    }

    /** The {@code methods=} patterns, in order; empty by default. */
    @SuppressWarnings("unchecked")
    public List<MethodPattern> methods() {
        return (List<MethodPattern>) values.get(Option.METHODS);
    }

    /** At most this many values per traffic-derived label and family; later ones read {@code other}. */
    public int maxLabelValues() {
        return (Integer) values.get(Option.MAX_LABEL_VALUES);
    }

    public LogLevel log() {
        return (LogLevel) values.get(Option.LOG);
    }
}
