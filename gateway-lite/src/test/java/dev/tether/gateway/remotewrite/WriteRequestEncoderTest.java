package dev.tether.gateway.remotewrite;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WriteRequestEncoderTest {
    @Test
    void encode_oneSeries_protobufBytes() {
        byte[] b = WriteRequestEncoder.encode(List.of(
                new TimeSeries(new String[] {"__name__", "x"}, Double.doubleToRawLongBits(1.0), 1000)));

        // timeseries{ labels{name:"__name__" value:"x"} samples{value:1.0 timestamp:1000} }
        assertThat(HexFormat.of().formatHex(b)).isEqualTo(
                "0a1d" + "0a0d" + "0a085f5f6e616d655f5f" + "120178" + "120c" + "09000000000000f03f" + "10e807");
    }

    @Test
    void encode_staleMarker_keepsNanPayload() {
        byte[] b = WriteRequestEncoder.encode(List.of(
                new TimeSeries(new String[] {"__name__", "x"}, TimeSeries.STALE_NAN_BITS, 1)));

        assertThat(HexFormat.of().formatHex(b)).contains("09020000000000f07f");
    }
}
