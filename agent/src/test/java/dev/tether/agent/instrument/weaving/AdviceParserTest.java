package dev.tether.agent.instrument.weaving;

import com.example.weaving.LocalAdvice;
import com.example.weaving.RecordingAdvice;
import com.example.weaving.Subject;
import org.junit.jupiter.api.Test;

import static dev.tether.agent.instrument.weaving.WeavingFixtures.classFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdviceParserTest {
    @Test
    void parse_recordingAdvice_readsEveryBinding() {
        AdviceModel model = AdviceParser.parse(classFile(RecordingAdvice.class));
        assertThat(model.className()).isEqualTo(RecordingAdvice.class.getName());
        assertThat(model.onThrowable()).isTrue();
        assertThat(model.enter().descriptor()).isEqualTo("(Ljava/lang/String;Ljava/lang/String;Ljava/lang/Object;Ljava/lang/Object;)J");
        assertThat(model.exit().bindings()).extracting(AdviceBinding::kind).containsExactly(AdviceBinding.Kind.ENTER,
                AdviceBinding.Kind.ORIGIN_TYPE, AdviceBinding.Kind.ORIGIN_METHOD, AdviceBinding.Kind.THIS, AdviceBinding.Kind.ARGUMENT,
                AdviceBinding.Kind.ARGUMENT, AdviceBinding.Kind.RETURN, AdviceBinding.Kind.THROWN);
        assertThat(model.exit().bindings().get(5).index()).isEqualTo(5);
        assertThat(model.exit().bindings().get(5).optional()).isTrue();
    }

    @Test
    void parse_adviceLocal_isRefusedByName() {
        assertThatThrownBy(() -> AdviceParser.parse(classFile(LocalAdvice.class)))
                .isInstanceOf(UnsupportedAdviceException.class).hasMessageContaining("@Advice.Local");
    }

    @Test
    void parse_classWithoutAdvice_isRefused() {
        assertThatThrownBy(() -> AdviceParser.parse(classFile(Subject.class)))
                .isInstanceOf(UnsupportedAdviceException.class).hasMessageContaining("no @Advice.OnMethodEnter");
    }
}
