package dev.tether.gateway.auth;

import dev.tether.gateway.testing.LogCapture;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class AuthFailuresTest {
    final AtomicLong now = new AtomicLong(0);
    final AuthFailures failures = new AuthFailures(now::get);

    @Test
    void refused_manyFromOneSource_oneLinePerMinuteWithCountOfTheRest() {
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 50; i++) {
                failures.refused(AuthFailure.UNKNOWN_TOKEN, "10.0.0.1", "PUT", "/api/v1/hosts/a");
            }
            failures.refused(AuthFailure.MISSING_TOKEN, "10.0.0.2", "PUT", "/api/v1/hosts/b");
            now.addAndGet(61_000_000_000L);
            failures.refused(AuthFailure.UNKNOWN_TOKEN, "10.0.0.1", "PUT", "/api/v1/hosts/a");

            assertThat(log.lines().stream().filter(l -> l.contains("AuthFailures"))).hasSize(3);
            assertThat(log.all()).contains("refused PUT /api/v1/hosts/a from 10.0.0.1: unknown_token")
                    .contains("from 10.0.0.2: missing_token")
                    .contains("(49 more refused from it in the last minute, not logged)");
        }
        assertThat(failures.count(AuthFailure.UNKNOWN_TOKEN)).isEqualTo(51);
        assertThat(failures.count(AuthFailure.MISSING_TOKEN)).isEqualTo(1);
        assertThat(failures.families().get(0).samples()).hasSize(AuthFailure.values().length);
    }

    @Test
    void refused_pathWithNewlines_cannotForgeALogLine() {
        try (LogCapture log = new LogCapture()) {
            failures.refused(AuthFailure.MISSING_TOKEN, "10.0.0.3", "PUT", "/api/v1/hosts/a\n2026 INFO all good" + "x".repeat(500));

            assertThat(log.all()).contains("/api/v1/hosts/a?2026 INFO all good").contains("x...")
                    .doesNotContain("x".repeat(201));
        }
    }
}
