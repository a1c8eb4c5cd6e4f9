package dev.tether.gateway.pushgateway;

import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.MetricType;
import dev.tether.protocol.text.ExpositionFormat;
import dev.tether.protocol.text.ExpositionWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static dev.tether.gateway.pushgateway.Protobuf.label;
import static dev.tether.gateway.pushgateway.Protobuf.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The delimited {@code MetricFamily} decoder: each type, as text 0.0.4 would carry it, and bad input. */
class ProtobufFormatTest {

    static List<MetricFamily> parse(byte[] body) throws Exception {
        List<MetricFamily> out = new ArrayList<>();
        ProtobufFormat.parse(new ByteArrayInputStream(body), 1 << 20, 1000, out::add);
        return out;
    }

    static String text(byte[] body) throws Exception {
        return ExpositionWriter.write(parse(body), ExpositionFormat.TEXT_004);
    }

    @Test
    void parse_everyType_samplesInText004Convention() throws Exception {
        Protobuf counter = message().string(1, "jobs_total").varint(3, 0)
                .message(4, message().message(1, label("kind", "a")).message(3, message().dbl(1, 7)));
        Protobuf untyped = message().string(1, "raw").varint(3, 3).message(4, message().message(5, message().dbl(1, -1.5)));
        Protobuf summary = message().string(1, "lat").varint(3, 2).message(4, message().message(4, message()
                .varint(1, 3).dbl(2, 1.25)
                .message(3, message().dbl(1, 0.5).dbl(2, 0.2))
                .message(3, message().dbl(1, 0.99).dbl(2, 0.9))));
        Protobuf histogram = message().string(1, "size").varint(3, 4).message(4, message().message(7, message()
                .varint(1, 4).dbl(2, 10)
                .message(3, message().varint(1, 1).dbl(2, 0.25))
                .message(3, message().varint(1, 3).dbl(2, 1))
                .message(3, message().varint(1, 4).dbl(2, 1e-5))));

        String text = text(Protobuf.delimited(Protobuf.gauge("temp", 21.5, label("room", "k")), counter, untyped,
                summary, histogram));

        assertThat(text).isEqualTo("""
                # HELP temp help of temp
                # TYPE temp gauge
                temp{room="k"} 21.5
                # TYPE jobs_total counter
                jobs_total{kind="a"} 7.0
                # TYPE raw untyped
                raw -1.5
                # TYPE lat summary
                lat{quantile="0.5"} 0.2
                lat{quantile="0.99"} 0.9
                lat_sum 1.25
                lat_count 3.0
                # TYPE size histogram
                size_bucket{le="0.25"} 1.0
                size_bucket{le="1"} 3.0
                size_bucket{le="1e-05"} 4.0
                size_bucket{le="+Inf"} 4.0
                size_sum 10.0
                size_count 4.0
                """);
    }

    @Test
    void parse_unknownFieldsAndEmptyStream_skipped() throws Exception {
        Protobuf f = Protobuf.gauge("g", 1).varint(99, 5).dbl(98, 2).string(97, "x");
        assertThat(parse(Protobuf.delimited(f))).hasSize(1);
        assertThat(parse(new byte[0])).isEmpty();
    }

    @Test
    void parse_timestamp_keptForTheReaderToRefuse() throws Exception {
        Protobuf f = message().string(1, "g").varint(3, 1)
                .message(4, message().message(2, message().dbl(1, 1)).varint(6, 1000));
        MetricFamily family = parse(Protobuf.delimited(f)).get(0);
        assertThat(family.type()).isEqualTo(MetricType.GAUGE);
        assertThat(family.samples().get(0).hasTimestamp()).isTrue();
    }

    @Test
    void parse_badInput_malformedWithReason() {
        byte[] good = Protobuf.delimited(Protobuf.gauge("g", 1));
        assertMalformed(new byte[] {(byte) 0x80}, "is cut short");
        assertMalformed(new byte[] {5, 1, 2}, "ends after 2 of its 5 bytes");
        assertMalformed(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f}, "over the limit");
        byte[] goodThenCut = java.util.Arrays.copyOf(good, good.length + 1);
        goodThenCut[good.length] = (byte) 0x80;
        assertMalformed(goodThenCut, "the length of message 2 is cut short");
        // A field that claims more bytes than its message has.
        assertMalformed(new byte[] {2, 0x0a, 0x05}, "overruns");
        // Group wire types (3, 4) are not protobuf 3 and never sent by clients.
        assertMalformed(new byte[] {1, 0x53}, "unsupported wire type 3");
        assertMalformed(Protobuf.delimited(message().string(1, "1bad").varint(3, 1)), "invalid metric name '1bad'");
        assertMalformed(Protobuf.delimited(message().varint(3, 1)), "invalid metric name ''");
        assertMalformed(Protobuf.delimited(message().string(1, "g").varint(3, 9)), "unsupported type 9");
        assertMalformed(Protobuf.delimited(message().string(1, "g").varint(3, 0).message(4, message())), "has no counter value");
        assertMalformed(Protobuf.delimited(Protobuf.gauge("g", 1, label("a", "1"), label("a", "2"))), "a metric of 'g'");
        assertMalformed(Protobuf.delimited(Protobuf.gauge("g", 1, label("__bad-name", "1"))), "a metric of 'g'");
        // The name given as a varint instead of a string.
        assertMalformed(Protobuf.delimited(message().varint(1, 3)), "expected a length-delimited field");
    }

    @Test
    void parse_moreSamplesThanAllowed_tooMany() {
        Protobuf f = message().string(1, "g").varint(3, 1);
        for (int i = 0; i < 1001; i++) {
            f.message(4, message().message(1, label("i", Integer.toString(i))).message(2, message().dbl(1, i)));
        }
        assertThatThrownBy(() -> parse(Protobuf.delimited(f)))
                .isInstanceOf(ProtobufFormat.TooManySamplesException.class).hasMessageContaining("more than 1000 series");
    }

    @Test
    void isProtobuf_needsProtoAndDelimited() {
        assertThat(ProtobufFormat.isProtobuf(Protobuf.CONTENT_TYPE)).isTrue();
        assertThat(ProtobufFormat.isProtobuf("application/vnd.google.protobuf;encoding=delimited;proto=\"io.prometheus.client.MetricFamily\"")).isTrue();
        assertThat(ProtobufFormat.isProtobuf("application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily")).isFalse();
        assertThat(ProtobufFormat.isProtobuf("text/plain; version=0.0.4")).isFalse();
        assertThat(ProtobufFormat.isProtobuf(null)).isFalse();
    }

    @Test
    void goFloat_likeGo() {
        assertThat(ProtobufFormat.goFloat(1)).isEqualTo("1");
        assertThat(ProtobufFormat.goFloat(0.25)).isEqualTo("0.25");
        assertThat(ProtobufFormat.goFloat(1e-5)).isEqualTo("1e-05");
        assertThat(ProtobufFormat.goFloat(1e21)).isEqualTo("1e+21");
        assertThat(ProtobufFormat.goFloat(123456789)).isEqualTo("1.23456789e+08");
        assertThat(ProtobufFormat.goFloat(100000)).isEqualTo("100000");
        assertThat(ProtobufFormat.goFloat(1e6)).isEqualTo("1e+06");
        assertThat(ProtobufFormat.goFloat(1.7952441039460137e+09)).isEqualTo("1.7952441039460137e+09");
        assertThat(ProtobufFormat.goFloat(-2.5e-7)).isEqualTo("-2.5e-07");
        assertThat(ProtobufFormat.goFloat(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    }

    private static void assertMalformed(byte[] body, String reason) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(ProtobufFormat.MalformedException.class)
                .hasMessageContaining(reason);
    }
}
