package dev.tether.gateway.pushgateway;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.text.ExpositionFormat;
import dev.tether.protocol.text.ExpositionWriter;
import dev.tether.protocol.text.FormatConversion;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the delimited protobuf decoder with arbitrary bytes. Properties: only
 * {@link ProtobufFormat.MalformedException} escapes (never a runtime exception, an out-of-memory or a
 * hang: lengths are bounded by the 64 KiB limit given here), and whatever decodes converts and
 * writes as text 0.0.4.
 *
 * <p>{@code mvn verify} only replays the committed seed corpus in
 * {@code src/test/resources/dev/tether/gateway/pushgateway/ProtobufFormatFuzzTestInputs/}. To fuzz for real:
 *
 * <pre>JAZZER_FUZZ=1 mvn -B -o -pl gateway-lite test -Dtest=ProtobufFormatFuzzTest</pre>
 *
 * Keep a finding ({@code crash-*}) in that directory, so every later build replays it, and fix the decoder.
 */
class ProtobufFormatFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse_anyBytes_onlyMalformedAndWritable(byte @NotNull [] data) throws IOException {
        List<MetricFamily> families = new ArrayList<>();
        try {
            ProtobufFormat.parse(new ByteArrayInputStream(data), 64 * 1024, 10_000, families::add);
        } catch (ProtobufFormat.MalformedException e) {
            if (e.getMessage() == null || e.getMessage().isEmpty()) {
                throw new AssertionError("a refusal without a reason", e);
            }
            return;
        }
        // Whatever decodes is a valid model: it converts and writes as text 0.0.4 without failing.
        List<MetricFamily> text = new ArrayList<>();
        for (MetricFamily f : families) {
            text.addAll(FormatConversion.forText004(f));
        }
        ExpositionWriter.write(text, ExpositionFormat.TEXT_004);
    }
}
