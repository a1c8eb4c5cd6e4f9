package dev.tether.agent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Reads the options from their three sources, in order of precedence: the {@code -javaagent}
 * arguments, {@code -Dtether.<key>} system properties, {@code TETHER_<KEY>} environment variables.
 *
 * <p>Only the agent arguments are checked for unknown keys: other {@code tether.*} properties and
 * {@code TETHER_*} variables may belong to the tray or the gateway on the same host.
 */
public final class OptionsParser {
    private final Map<String, String> environment;
    private final Properties systemProperties;

    public OptionsParser(Map<String, String> environment, Properties systemProperties) {
        this.environment = environment;
        this.systemProperties = systemProperties;
    }

    /** Options of this JVM, from its own properties and environment. */
    public static OptionsParser forThisJvm() {
        return new OptionsParser(System.getenv(), System.getProperties());
    }

    public AgentOptions parse(String agentArgs) throws OptionException {
        Map<Option, List<String>> fromArgs = splitAgentArgs(agentArgs);
        Map<Option, Object> values = new EnumMap<Option, Object>(Option.class);
        List<String> instrumentRaw = null;
        for (Option option : Option.values()) {
            List<String> raw = fromArgs.get(option);
            String source = null;
            if (raw == null) {
                String value = systemProperties.getProperty(option.systemProperty());
                source = "-D" + option.systemProperty();
                if (value == null) {
                    value = environment.get(option.environmentVariable());
                    source = option.environmentVariable();
                }
                if (value == null) {
                    value = defaultValue(option);
                    source = null;
                }
                raw = option.isList() ? splitList(value) : Collections.singletonList(value);
            }
            if (option == Option.INSTRUMENT) {
                instrumentRaw = raw;
            }
            try {
                values.put(option, OptionValues.parse(option, raw));
            } catch (OptionException e) {
                throw source == null ? e : new OptionException(e.getMessage() + " from " + source);
            }
        }
        // methods= is a choice of its own: it turns its instrumentation on whatever instrument says, even
        // the default none, unless instrument=-methods leaves it out.
        @SuppressWarnings("unchecked")
        Set<String> selected = (Set<String>) values.get(Option.INSTRUMENT);
        values.put(Option.INSTRUMENT, OptionValues.withMethods(selected, instrumentRaw, !((List<?>) values.get(Option.METHODS)).isEmpty()));
        return new AgentOptions(values);
    }

    private String defaultValue(Option option) {
        switch (option) {
            case APP:
                return AppName.fromCommand(systemProperties.getProperty("sun.java.command"));
            case PORT:
                return "0";
            case BIND:
                return "127.0.0.1";
            case DISCOVERY_DIR:
                return "~/.tether/agents";
            case INSTRUMENT:
                // On by default: "auto-instruments" is the point of the agent, and with the ASM weaver
                // it costs a few MB of peak RSS, inside the agent's 30 MB (docs/benchmarks.md).
                return "all";
            case METHODS:
                return "";
            case LOG:
                return "info";
            case MAX_LABEL_VALUES:
                return "100";
            default:
                throw new IllegalStateException("no default for " + option);
        }
    }

    /**
     * {@code key=value} pairs separated by commas. A bare token after a list option is one more value of
     * that option, so {@code instrument=jdbc,http,port=0} reads as two instruments and a port.
     */
    static Map<Option, List<String>> splitAgentArgs(String agentArgs) throws OptionException {
        Map<Option, List<String>> result = new EnumMap<Option, List<String>>(Option.class);
        if (agentArgs == null || agentArgs.trim().isEmpty()) {
            return result;
        }
        Option previous = null;
        for (String token : agentArgs.split(",", -1)) {
            String trimmed = token.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq < 0) {
                if (previous != null && previous.isList()) {
                    result.get(previous).add(trimmed);
                    continue;
                }
                Option known = Option.byKey(trimmed);
                if (known != null) {
                    throw new OptionException("option '" + trimmed + "' has no value (write " + trimmed + "=...)");
                }
                throw unknown(trimmed);
            }
            String key = trimmed.substring(0, eq).trim();
            Option option = Option.byKey(key);
            if (option == null) {
                throw unknown(key);
            }
            if (result.containsKey(option)) {
                throw new OptionException("option '" + key + "' is given twice");
            }
            List<String> values = new ArrayList<String>();
            values.add(trimmed.substring(eq + 1));
            result.put(option, values);
            previous = option;
        }
        return result;
    }

    private static List<String> splitList(String value) {
        List<String> items = new ArrayList<String>();
        for (String item : value.split(",")) {
            if (!item.trim().isEmpty()) {
                items.add(item.trim());
            }
        }
        if (items.isEmpty()) {
            items.add("");
        }
        return items;
    }

    private static OptionException unknown(String key) {
        return new OptionException("unknown option '" + key + "'" + Suggestions.hint(key, Option.keys()));
    }
}
