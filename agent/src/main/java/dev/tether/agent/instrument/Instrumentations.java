package dev.tether.agent.instrument;

import dev.tether.agent.instrument.executors.ExecutorsModule;
import dev.tether.agent.instrument.httpclient.HttpClientModule;
import dev.tether.agent.instrument.httpserver.HttpServerModule;
import dev.tether.agent.instrument.jdbc.JdbcModule;
import dev.tether.agent.instrument.logging.LoggingModule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The automatic instrumentations the {@code instrument} option can name. */
public final class Instrumentations {
    private static final String[] NAMES = {"http-server", "http-client", "jdbc", "executors", "logging"};

    private Instrumentations() {
    }

    public static String[] names() {
        return NAMES.clone();
    }

    /** The modules named in {@code selected}, in a fixed order. Loads no Byte Buddy class. */
    static List<InstrumentationModule> modules(Set<String> selected) {
        List<InstrumentationModule> all = Arrays.<InstrumentationModule>asList(new HttpServerModule(), new HttpClientModule(), new JdbcModule(),
                new ExecutorsModule(), new LoggingModule());
        List<InstrumentationModule> chosen = new ArrayList<InstrumentationModule>();
        for (InstrumentationModule m : all) {
            if (selected.contains(m.name())) {
                chosen.add(m);
            }
        }
        return chosen;
    }
}
