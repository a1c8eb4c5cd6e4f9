package dev.tether.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parse_discoveryFile_readsTypedValues() throws JsonException {
        Map<String, Object> m = Json.parseObject(
                "{\"pid\":12345,\"url\":\"http://127.0.0.1:40123/metrics\",\"app\":\"a\\\"b\",\"ok\":true,\"x\":null,\"f\":1.5e2,\"l\":[1,\"2\"]}");
        assertThat(m.get("pid")).isEqualTo(12345L);
        assertThat(m.get("app")).isEqualTo("a\"b");
        assertThat(m.get("ok")).isEqualTo(true);
        assertThat(m).containsEntry("x", null);
        assertThat(m.get("f")).isEqualTo(150.0);
        assertThat(m.get("l")).isEqualTo(List.of(1L, "2"));
    }

    @Test
    void parse_malformed_failsWithOffset() {
        assertThatThrownBy(() -> Json.parse("{\"a\":1,}")).isInstanceOf(JsonException.class).hasMessageContaining("offset 7");
        assertThatThrownBy(() -> Json.parse("{\"a\":1} x")).hasMessageContaining("after the value");
        assertThatThrownBy(() -> Json.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> Json.parse("\"abc")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> Json.parse("01")).hasMessageContaining("leading zero");
        assertThatThrownBy(() -> Json.parse("[".repeat(100))).hasMessageContaining("nesting");
        assertThatThrownBy(() -> Json.parseObject("[1]")).hasMessageContaining("expected a JSON object");
    }

    @Test
    void write_thenParse_roundTrips() throws JsonException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "tab\t \"q\" \\ \u0001 é");
        m.put("n", 42L);
        m.put("d", 0.25);
        m.put("nan", Double.NaN);
        m.put("list", List.of(true, false));
        String text = Json.write(m);
        Map<String, Object> back = Json.parseObject(text);
        assertThat(back.get("s")).isEqualTo(m.get("s"));
        assertThat(back.get("n")).isEqualTo(42L);
        assertThat(back.get("d")).isEqualTo(0.25);
        assertThat(back).containsEntry("nan", null);
        assertThat(back.get("list")).isEqualTo(List.of(true, false));
    }
}
