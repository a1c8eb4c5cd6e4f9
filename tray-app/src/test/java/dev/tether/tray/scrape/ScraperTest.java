package dev.tether.tray.scrape;

import dev.tether.tray.discovery.Target;
import dev.tether.tray.testing.RecordingServer;
import dev.tether.tray.testing.RecordingServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScraperTest {
    private final Scraper scraper = new Scraper();
    private final List<RecordingServer> servers = new ArrayList<>();

    @AfterEach
    void tearDown() {
        scraper.close();
        servers.forEach(RecordingServer::close);
    }

    private Target serving(Answer answer) throws Exception {
        RecordingServer s = new RecordingServer(r -> answer);
        servers.add(s);
        return Target.fixed("t", "127.0.0.1:" + s.port(), s.url("/metrics"));
    }

    @Test
    void scrapeAll_mixedTargets_eachReportedOnItsOwn() throws Exception {
        Target text = serving(Answer.metrics("# TYPE a gauge\na 1\n"));
        Target om = serving(new Answer(200, "application/openmetrics-text; version=1.0.0; charset=utf-8",
                "# TYPE c counter\nc_total 2\n# EOF\n", Duration.ZERO));
        Target garbage = serving(Answer.metrics("this is not { metrics\n"));
        Target error = serving(Answer.of(500, "boom"));
        Target html = serving(new Answer(200, "text/html", "<html></html>", Duration.ZERO));
        Target slow = serving(Answer.metrics("a 1\n").after(Duration.ofSeconds(3)));
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        Target refused = Target.fixed("t", "127.0.0.1:" + free, URI.create("http://127.0.0.1:" + free + "/metrics"));
        Target dead = Target.agent("app", "box", 999_999, URI.create("http://127.0.0.1:1/metrics"), Instant.now());

        long start = System.nanoTime();
        List<ScrapeResult> rs = scraper.scrapeAll(List.of(text, om, garbage, error, html, slow, refused, dead),
                Duration.ofMillis(500));
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(rs.get(0).up()).isTrue();
        assertThat(rs.get(0).families()).hasSize(1);
        assertThat(rs.get(1).up()).isTrue();
        assertThat(rs.get(1).families().get(0).name()).isEqualTo("c");
        assertThat(rs.get(2).up()).isFalse();
        assertThat(rs.get(2).error()).startsWith("unparsable metrics");
        assertThat(rs.get(3).error()).isEqualTo("HTTP 500");
        assertThat(rs.get(4).error()).contains("unsupported Content-Type 'text/html'");
        assertThat(rs.get(5).error()).contains("timed out");
        assertThat(rs.get(6).error()).isEqualTo("connection refused");
        assertThat(rs.get(7).up()).isFalse();
        assertThat(rs.get(7).error()).contains("dead");
        // Concurrent, with a timeout: the slow target does not make the whole scrape slow.
        assertThat(tookMs).isLessThan(2500);
    }

    @Test
    void scrape_sendsAcceptForText004() throws Exception {
        RecordingServer s = new RecordingServer(r -> Answer.metrics("a 1\n"));
        servers.add(s);
        scraper.scrapeAll(List.of(Target.fixed("t", "i", s.url("/metrics"))), Duration.ofSeconds(2));
        assertThat(s.requests().get(0).header("Accept")).startsWith("text/plain;version=0.0.4");
    }
}
