package dev.tether.agent.instrument;

import dev.tether.agent.instrument.weaving.AdviceClassFiles;
import dev.tether.agent.instrument.weaving.AdviceModels;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent's own advice, as the weaver reads it. */
class AgentAdviceTest {
    @Test
    void parse_everyInstrumentationsAdvice_isSupported() throws Exception {
        AdviceModels models = new AdviceModels(new AdviceClassFiles(getClass().getClassLoader()));
        int parsed = 0;
        for (InstrumentationModule m : Instrumentations.modules(new HashSet<>(Arrays.asList(Instrumentations.names())))) {
            for (TypeInstrumentation t : m.typeInstrumentations()) {
                assertThat(models.get(t.adviceClassName()).className()).isEqualTo(t.adviceClassName());
                parsed++;
            }
        }
        assertThat(parsed).isEqualTo(8);
    }
}
