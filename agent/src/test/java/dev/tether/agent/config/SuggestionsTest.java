package dev.tether.agent.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsTest {
    @Test
    void distance_transposition_isTwoEdits() {
        assertThat(Suggestions.distance("prot", "port")).isEqualTo(2);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("same", "same")).isZero();
    }

    @Test
    void closest_nothingWithinTwoEdits_null() {
        assertThat(Suggestions.closest("zzzzzz", new String[] {"port", "app"})).isNull();
    }
}
