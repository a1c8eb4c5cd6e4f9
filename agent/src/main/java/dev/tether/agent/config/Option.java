package dev.tether.agent.config;

import java.util.Locale;

/**
 * Every option the agent understands. Each is read from the {@code -javaagent} arguments
 * ({@code key=value}), then {@code -Dtether.<key>}, then {@code TETHER_<KEY>}; the first found wins.
 *
 * <p>A new option gets a case in {@link OptionValues#parse} and a getter in {@link AgentOptions}.
 */
public enum Option {
    APP("app", false),
    PORT("port", false),
    BIND("bind", false),
    DISCOVERY_DIR("discovery.dir", false),
    /** A list: {@code instrument=a,b} keeps {@code b} as a second value, since commas also separate options. */
    INSTRUMENT("instrument", true),
    /** A list of {@code class#method} globs: {@code methods=com.acme.Billing#charge,com.acme.*Service#*}. */
    METHODS("methods", true),
    /** How many values a traffic-derived label (route, host) keeps per family before folding into {@code other}. */
    MAX_LABEL_VALUES("max.label.values", false),
    LOG("log", false);

    private final String key;
    private final boolean list;

    Option(String key, boolean list) {
        this.key = key;
        this.list = list;
    }

    public String key() {
        return key;
    }

    /** Whether a bare token after this option continues its value ({@code instrument=jdbc,http}). */
    public boolean isList() {
        return list;
    }

    public String systemProperty() {
        return "tether." + key;
    }

    public String environmentVariable() {
        return "TETHER_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    static Option byKey(String key) {
        for (Option o : values()) {
            if (o.key.equals(key)) {
                return o;
            }
        }
        return null;
    }

    static String[] keys() {
        Option[] all = values();
        String[] keys = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            keys[i] = all[i].key;
        }
        return keys;
    }
}
