package dev.tether.agent.instrument;

import dev.tether.agent.config.AgentOptions;
import dev.tether.agent.config.OptionsParser;
import dev.tether.agent.instrument.weaving.AdviceClassFiles;
import dev.tether.agent.instrument.weaving.AdviceModels;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent's own advice, as the weaver reads it. */
class AgentAdviceTest {
    @Test
    void parse_everyInstrumentationsAdvice_isSupported() throws Exception {
        AdviceModels models = new AdviceModels(new AdviceClassFiles(getClass().getClassLoader()));
        int parsed = 0;
        AgentOptions all = new OptionsParser(Map.of(), new Properties()).parse("instrument=all,methods=com.acme.Billing#charge");
        for (InstrumentationModule m : Instrumentations.modules(all)) {
            for (TypeInstrumentation t : m.typeInstrumentations()) {
                assertThat(models.get(t.adviceClassName()).className()).isEqualTo(t.adviceClassName());
                parsed++;
            }
        }
        assertThat(parsed).isEqualTo(12);
    }
}
