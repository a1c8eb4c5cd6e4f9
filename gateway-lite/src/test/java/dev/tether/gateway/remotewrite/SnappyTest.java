package dev.tether.gateway.remotewrite;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SnappyTest {
    static void roundTrip(byte[] data) {
        byte[] c = Snappy.compress(data);
        assertThat(SnappyDecoder.decompress(c)).isEqualTo(data);
    }

    @Test
    void compress_edgeSizes_roundTrips() {
        roundTrip(new byte[0]);
        roundTrip(new byte[] {7});
        roundTrip("abc".getBytes(StandardCharsets.US_ASCII));
        roundTrip("abcd".getBytes(StandardCharsets.US_ASCII));
        roundTrip(new byte[5000]);
    }

    @Test
    void compress_randomBytes_longLiteralsRoundTrip() {
        Random r = new Random(1);
        for (int n : new int[] {59, 60, 61, 255, 256, 257, 65535, 65536, 65537, 200_000}) {
            byte[] b = new byte[n];
            r.nextBytes(b);
            roundTrip(b);
        }
    }

    @Test
    void compress_repetitiveText_roundTripsAndShrinks() {
        StringBuilder sb = new StringBuilder();
        Random r = new Random(2);
        for (int i = 0; i < 20_000; i++) {
            sb.append("http_server_requests_seconds_bucket{host=\"h").append(i % 50).append("\",le=\"")
                    .append(r.nextInt(10)).append("\"} ").append(r.nextInt(1000)).append('\n');
        }
        byte[] data = sb.toString().getBytes(StandardCharsets.UTF_8);

        byte[] c = Snappy.compress(data);

        assertThat(SnappyDecoder.decompress(c)).isEqualTo(data);
        assertThat(c.length).isLessThan(data.length / 3);
    }

    @Test
    void compress_mixedRuns_roundTrips() {
        Random r = new Random(3);
        for (int round = 0; round < 50; round++) {
            byte[] b = new byte[r.nextInt(150_000)];
            for (int i = 0; i < b.length; i++) {
                // Short alphabets give matches of every length and offset.
                b[i] = (byte) (r.nextInt(1 + round % 7) + (i / 1000 % 3));
            }
            roundTrip(b);
        }
    }
}
