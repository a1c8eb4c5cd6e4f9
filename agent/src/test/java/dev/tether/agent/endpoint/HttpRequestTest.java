package dev.tether.agent.endpoint;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpRequestTest {
    private static HttpRequest read(String head) throws Exception {
        return HttpRequestReader.read(new ByteArrayInputStream(head.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void read_getWithHeaders_parsed() throws Exception {
        HttpRequest r = read("GET /metrics?name[]=jvm_info HTTP/1.1\r\nHost: x\r\nACCEPT: text/plain\r\nX-A: 1\r\nx-a: 2\r\n\r\n");
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo("/metrics");
        assertThat(r.query()).isEqualTo("name[]=jvm_info");
        assertThat(r.header("Accept")).isEqualTo("text/plain");
        assertThat(r.header("x-a")).isEqualTo("1, 2");
    }

    @Test
    void read_bareLineFeeds_parsed() throws Exception {
        assertThat(read("GET /metrics HTTP/1.0\nHost: x\n\n").path()).isEqualTo("/metrics");
    }

    @Test
    void read_closedBeforeAnything_null() throws Exception {
        assertThat(read("")).isNull();
    }

    @Test
    void read_truncatedHead_400() {
        assertThatThrownBy(() -> read("GET /metrics HTTP/1.1\r\nHost"))
                .isInstanceOfSatisfying(HttpRequestReader.BadRequest.class, e -> assertThat(e.status).isEqualTo(400));
    }

    @Test
    void read_headOverLimit_431() {
        String huge = "GET /metrics HTTP/1.1\r\nX: " + "a".repeat(HttpRequestReader.MAX_HEAD_BYTES) + "\r\n\r\n";
        assertThatThrownBy(() -> read(huge))
                .isInstanceOfSatisfying(HttpRequestReader.BadRequest.class, e -> assertThat(e.status).isEqualTo(431));
    }

    @Test
    void read_notHttp_400() {
        assertThatThrownBy(() -> read("HELLO\r\n\r\n"))
                .isInstanceOfSatisfying(HttpRequestReader.BadRequest.class, e -> assertThat(e.status).isEqualTo(400));
        assertThatThrownBy(() -> read("GET /metrics HTTP/1.1\r\nno colon here\r\n\r\n"))
                .isInstanceOfSatisfying(HttpRequestReader.BadRequest.class, e -> assertThat(e.status).isEqualTo(400));
    }

    @Test
    void acceptsGzip_variants() throws Exception {
        assertThat(read("GET / HTTP/1.1\r\nAccept-Encoding: gzip\r\n\r\n").acceptsGzip()).isTrue();
        assertThat(read("GET / HTTP/1.1\r\nAccept-Encoding: deflate, GZIP;q=0.5\r\n\r\n").acceptsGzip()).isTrue();
        assertThat(read("GET / HTTP/1.1\r\nAccept-Encoding: gzip;q=0\r\n\r\n").acceptsGzip()).isFalse();
        assertThat(read("GET / HTTP/1.1\r\nAccept-Encoding: identity, x-gzip\r\n\r\n").acceptsGzip()).isFalse();
        assertThat(read("GET / HTTP/1.1\r\n\r\n").acceptsGzip()).isFalse();
    }
}
