package dev.tether.gateway.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The built jar wires the status page and remote write in (Main). */
class ExtensionsProcessIT {
    @TempDir
    Path dir;
    final GatewayProcessIT processes = new GatewayProcessIT();

    @AfterEach
    void stopAll() throws Exception {
        processes.stopAll();
    }

    @Test
    void jar_statusPageServedAndRemoteWriteFlagsTaken() throws Exception {
        processes.dir = dir;
        // Nothing listens on port 1: sending fails and retries in the background, pushes do not notice.
        GatewayProcessIT.Running gw = processes.start("--remote-write-url", "http://127.0.0.1:1/api/v1/write",
                "--remote-write-headers", "X-Scope-OrgID=it");

        assertThat(gw.client().put("alpha", GatewayProcessIT.BODY).statusCode()).isEqualTo(200);
        assertThat(gw.client().get("/").body()).contains("<title>Tether gateway</title>").contains("data-host=\"alpha\"");
        assertThat(gw.client().get("/api/v1/hosts/alpha").body()).contains("\"families\":[{\"name\":\"x\"");
        assertThat(gw.client().metrics()).contains("tether_gateway_remote_write_queue_samples{url=\"http://127.0.0.1:1/api/v1/write\"}");
        assertThat(gw.log()).contains("remote write to http://127.0.0.1:1/api/v1/write");
    }
}
