package dev.tether.gateway.status;

import dev.tether.gateway.testing.Chromium;
import dev.tether.gateway.testing.TestGateway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page in a real browser (Debian's headless chromium) against a real gateway on the real clock:
 * the table, a host lapsing while the page is open, a click on a host, and escaping in the DOM.
 */
class StatusPageBrowserTest {
    @TempDir
    Path dir;

    @Test
    void page_hostLapsesWhileOpen_refreshShowsExpiredAndDetailsShowLabelsAsText() throws Exception {
        Assumptions.assumeTrue(Chromium.available(),
                "skipped: " + Chromium.BINARY + " is missing; install the Debian package 'chromium'");
        try (TestGateway gw = TestGateway.start(dir, Clock.systemUTC(), b -> b.minTtl(Duration.ofSeconds(1)),
                StatusPage.extension());
             Chromium browser = Chromium.start()) {
            gw.client.put("alpha", StatusPageTest.ALPHA, "Tether-TTL", "1h");
            gw.client.put("beta", "# TYPE x gauge\nx 1\n", "Tether-TTL", "5s");
            gw.client.put("delta", "# TYPE node_load1 gauge\nnode_load1 0.5\n", "Tether-TTL", "10m");
            gw.client.pause("gamma", "30m");
            gw.client.put("omega", "# TYPE x gauge\nx 2\n");
            gw.client.delete("omega");

            browser.navigate("http://127.0.0.1:" + gw.gateway.address().getPort() + "/");
            browser.waitFor("document.body.getAttribute('data-refreshes') >= 1", Duration.ofSeconds(10));
            assertThat(browser.eval("Array.from(document.querySelectorAll('#hosts tbody tr'))"
                    + ".map(r => r.dataset.host + ':' + r.querySelector('.badge').textContent)"))
                    .isEqualTo(List.of("alpha:up", "beta:up", "delta:up", "gamma:paused", "omega:left"));
            assertThat(browser.eval("document.getElementById('summary').textContent"))
                    .isEqualTo("5 hosts: 3 up \u00b7 0 expired \u00b7 1 paused \u00b7 1 left");

            // beta's 5 s TTL runs out; the next refresh shows it.
            browser.waitFor("document.querySelector('tr[data-host=beta] .badge').textContent === 'expired'",
                    Duration.ofSeconds(15));
            assertThat(browser.eval("document.getElementById('summary').textContent"))
                    .isEqualTo("5 hosts: 2 up \u00b7 1 expired \u00b7 1 paused \u00b7 1 left");

            // Filter by state, then sort by series, descending.
            browser.eval("(() => { const s = document.getElementById('state-filter'); s.value = 'up';"
                    + " s.dispatchEvent(new Event('change')); })()");
            assertThat(browser.eval("Array.from(document.querySelectorAll('#hosts tbody tr')).map(r => r.dataset.host)"))
                    .isEqualTo(List.of("alpha", "delta"));
            browser.eval("(() => { const s = document.getElementById('state-filter'); s.value = '';"
                    + " s.dispatchEvent(new Event('change'));"
                    + " const th = document.querySelector('th[data-sort=series]'); th.click(); th.click(); })()");
            assertThat(browser.eval("Array.from(document.querySelectorAll('#hosts tbody tr')).map(r => r.dataset.host)"))
                    .isEqualTo(List.of("alpha", "delta", "beta", "gamma", "omega"));

            // Click a host: its targets and series, the pushed <script> shown as text and never run.
            browser.eval("document.querySelector('tr[data-host=alpha] a').click()");
            browser.waitFor("document.querySelectorAll('#details .target-job').length === 2", Duration.ofSeconds(10));
            assertThat(browser.eval("Array.from(document.querySelectorAll('#details .target-job')).map(e => e.textContent)"))
                    .isEqualTo(List.of(StatusPageTest.XSS, "node"));
            assertThat(browser.eval("Array.from(document.querySelectorAll('#details .family-name')).map(e => e.textContent)"))
                    .isEqualTo(List.of("jvm_threads", "tether_target_up"));
            assertThat(browser.eval("document.querySelectorAll('#details script').length + ' ' + (typeof window.pwned)"))
                    .isEqualTo("0 undefined");
            assertThat(browser.eval("location.search")).isEqualTo("?host=alpha");

            Path shot = Path.of("target", "status-page.png");
            browser.screenshot(shot);
            assertThat(Files.size(shot)).isGreaterThan(1000);
        }
    }
}
