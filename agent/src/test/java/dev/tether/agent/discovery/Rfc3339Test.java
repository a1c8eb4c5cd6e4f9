package dev.tether.agent.discovery;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Rfc3339Test {
    @Test
    void utc_knownInstants_likeInstantToString() {
        assertThat(Rfc3339.utc(0)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(Rfc3339.utc(Instant.parse("2026-11-21T05:40:00Z").getEpochSecond())).isEqualTo("2026-11-21T05:40:00Z");
        assertThat(Rfc3339.utc(Instant.parse("2024-02-29T23:59:59Z").getEpochSecond())).isEqualTo("2024-02-29T23:59:59Z");
        assertThat(Rfc3339.utc(Instant.parse("2000-03-01T00:00:00Z").getEpochSecond())).isEqualTo("2000-03-01T00:00:00Z");
    }

    @Test
    void utc_randomSecondsFrom1970To2400_sameAsJavaTime() {
        Random random = new Random(42);
        long max = Instant.parse("2400-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            long s = (long) (random.nextDouble() * max);
            assertThat(Rfc3339.utc(s)).as("second %d", s).isEqualTo(Instant.ofEpochSecond(s).toString().replaceFirst("^(.{16})Z$", "$1:00Z"));
        }
    }
}
