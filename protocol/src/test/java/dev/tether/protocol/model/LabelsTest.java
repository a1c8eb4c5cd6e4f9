package dev.tether.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void of_unsortedPairs_sortedByName() {
        Labels l = Labels.of("b", "2", "a", "1", "c", "3");
        assertThat(l.name(0)).isEqualTo("a");
        assertThat(l.value(2)).isEqualTo("3");
        assertThat(l).isEqualTo(Labels.of("a", "1", "c", "3", "b", "2")).hasSameHashCodeAs(Labels.of("c", "3", "a", "1", "b", "2"));
        assertThat(l).hasToString("{a=\"1\",b=\"2\",c=\"3\"}");
    }

    @Test
    void of_duplicateName_illegalArgument() {
        assertThatThrownBy(() -> Labels.of("a", "1", "b", "2", "a", "3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate label name 'a'");
        assertThatThrownBy(() -> Labels.of("a", "1", "a", "1")).hasMessageContaining("duplicate");
    }

    @Test
    void of_invalidNameOrNull_illegalArgument() {
        assertThatThrownBy(() -> Labels.of("1a", "x")).hasMessageContaining("invalid label name '1a'");
        assertThatThrownBy(() -> Labels.of("a:b", "x")).hasMessageContaining("invalid label name");
        assertThatThrownBy(() -> Labels.of("", "x")).hasMessageContaining("invalid label name");
        assertThatThrownBy(() -> Labels.of(null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Labels.of("a", null)).hasMessageContaining("null value");
        assertThatThrownBy(() -> Labels.of("a")).hasMessageContaining("odd count");
    }

    @Test
    void of_sameInvalidNameTwice_refusedBothTimes() {
        // The cache of validated names must never let an invalid one through.
        String bad = "bad-name";
        assertThatThrownBy(() -> Labels.of(bad, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Labels.of(bad, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofMap_anyOrder_sameLabels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("z", "1");
        m.put("a", "2");
        assertThat(Labels.of(m)).isEqualTo(Labels.of("a", "2", "z", "1"));
        assertThat(Labels.of(m).toMap()).containsExactly(Map.entry("a", "2"), Map.entry("z", "1"));
        assertThat(Labels.of(Map.of())).isSameAs(Labels.EMPTY);
    }

    @Test
    void fromArrays_firstN_usedAndSorted() {
        String[] names = {"b", "a", "zzz"};
        String[] values = {"2", "1", "ignored"};
        assertThat(Labels.fromArrays(names, values, 2)).isEqualTo(Labels.of("a", "1", "b", "2"));
        assertThat(Labels.fromArrays(names, values, 0)).isSameAs(Labels.EMPTY);
    }

    @Test
    void with_newOrExistingName_copyWithValue() {
        Labels l = Labels.of("b", "2");
        assertThat(l.with("a", "1")).isEqualTo(Labels.of("a", "1", "b", "2"));
        assertThat(l.with("c", "3").name(1)).isEqualTo("c");
        assertThat(l.with("b", "9")).isEqualTo(Labels.of("b", "9"));
        assertThat(l.with("b", "2")).isSameAs(l);
        assertThat(l).isEqualTo(Labels.of("b", "2"));
        assertThatThrownBy(() -> l.with("a-b", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> l.with("a", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void without_name_copyWithoutIt() {
        Labels l = Labels.of("a", "1", "b", "2");
        assertThat(l.without("a")).isEqualTo(Labels.of("b", "2"));
        assertThat(l.without("x")).isSameAs(l);
        assertThat(Labels.of("a", "1").without("a")).isSameAs(Labels.EMPTY);
    }

    @Test
    void get_presentAndAbsent() {
        Labels l = Labels.of("a", "1");
        assertThat(l.get("a")).isEqualTo("1");
        assertThat(l.get("b")).isNull();
        assertThat(l.contains("a")).isTrue();
        assertThat(l.size()).isEqualTo(1);
        assertThat(Labels.EMPTY.isEmpty()).isTrue();
    }

    @Test
    void names_validity_followsTheDataModel() {
        assertThat(Names.isValidMetricName("a:b_c1")).isTrue();
        assertThat(Names.isValidMetricName(":a")).isTrue();
        assertThat(Names.isValidMetricName("1a")).isFalse();
        assertThat(Names.isValidMetricName("a-b")).isFalse();
        assertThat(Names.isValidMetricName("")).isFalse();
        assertThat(Names.isValidLabelName("_a1")).isTrue();
        assertThat(Names.isValidLabelName("a:b")).isFalse();
        assertThat(Names.isValidLabelName("é")).isFalse();
    }
}
