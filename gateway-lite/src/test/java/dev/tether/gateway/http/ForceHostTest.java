package dev.tether.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.protocol.model.Labels;
import org.junit.jupiter.api.Test;

class ForceHostTest {

    @Test
    void forceHost_noPushedHost_addsTheUrlsHost() {
        assertThat(SnapshotReader.forceHost(Labels.of("job", "app"), "alpha")).isEqualTo(Labels.of("job", "app", "host", "alpha"));
    }

    @Test
    void forceHost_pushedHostDiffers_keptAsExportedHost() {
        // An HTTP client metric names the host it called; two called hosts must stay two series.
        Labels a = SnapshotReader.forceHost(Labels.of("host", "api.example", "method", "GET"), "laptop");
        Labels b = SnapshotReader.forceHost(Labels.of("host", "db.example", "method", "GET"), "laptop");
        assertThat(a).isEqualTo(Labels.of("exported_host", "api.example", "host", "laptop", "method", "GET"));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void forceHost_pushedHostSame_unchanged() {
        assertThat(SnapshotReader.forceHost(Labels.of("host", "alpha"), "alpha")).isEqualTo(Labels.of("host", "alpha"));
    }

    @Test
    void forceHost_exportedHostAlreadyPushed_keptAndHostOverridden() {
        assertThat(SnapshotReader.forceHost(Labels.of("host", "x", "exported_host", "y"), "alpha"))
                .isEqualTo(Labels.of("exported_host", "y", "host", "alpha"));
    }
}
