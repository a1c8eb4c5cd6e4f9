package dev.tether.protocol.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"45s,45000", "2m,120000", "1h30m,5400000", "250ms,250", "1d,86400000", "1h1m1s1ms,3661001",
        "0s,0", "0,0", "90s,90000", "007s,7000", "1d2h,93600000"})
    void parse_validDuration_millis(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "45", "-5s", "+5s", "1.5s", "5 s", " 5s", "5s ", "5S", "1w", "1y", "5sec",
        "1m1h", "1s1s", "30m1h", "1h30", "1ms1s", "9999999999999s", "999999999999d", "1e3s", "٣s"})
    void parse_invalidDuration_illegalArgumentSayingWhatWasExpected(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected");
    }

    @Test
    void parse_null_illegalArgument() {
        assertThatThrownBy(() -> Durations.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"0,0s", "45000,45s", "90000,1m30s", "5400000,1h30m", "250,250ms", "93784005,1d2h3m4s5ms"})
    void format_duration_shortestForm(long millis, String text) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void format_negative_illegalArgument() {
        assertThatThrownBy(() -> Durations.format(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
