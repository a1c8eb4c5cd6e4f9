package dev.tether.agent.discovery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiscoveryFileTest {
    @TempDir
    Path tmp;

    private final DiscoveryRecord record = new DiscoveryRecord(12345, "http://127.0.0.1:40123/metrics", "my-app",
            Instant.parse("2026-11-21T05:40:00Z").getEpochSecond(), "0.1.0-SNAPSHOT", "17.0.15");

    @Test
    void toJson_record_exactlyTheContractKeysInOrder() {
        assertThat(record.toJson()).isEqualTo("{\"pid\":12345,\"url\":\"http://127.0.0.1:40123/metrics\",\"app\":\"my-app\","
                + "\"startedAt\":\"2026-11-21T05:40:00Z\",\"agentVersion\":\"0.1.0-SNAPSHOT\",\"jvm\":\"17.0.15\"}");
    }

    @Test
    void toJson_specialCharactersInApp_escaped() {
        DiscoveryRecord r = new DiscoveryRecord(1, "u", "a\"b\\c\u0001", 0, "v", "j");
        assertThat(r.toJson()).contains("\"app\":\"a\\\"b\\\\c\\u0001\"");
    }

    @Test
    void write_newDir_createsDirAndFileReadableOnlyByUser() throws Exception {
        Path dir = tmp.resolve("a/b");
        DiscoveryFile file = new DiscoveryFile(dir, 12345);
        file.write(record);
        assertThat(file.path()).isEqualTo(dir.resolve("12345.json"));
        assertThat(new String(Files.readAllBytes(file.path()), StandardCharsets.UTF_8)).isEqualTo(record.toJson());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    @Test
    void write_existingFile_replacedWholeAndNoTempFileLeft() throws Exception {
        DiscoveryFile file = new DiscoveryFile(tmp, 12345);
        Files.write(file.path(), "stale from a reused pid".getBytes(StandardCharsets.UTF_8));
        file.write(record);
        assertThat(new String(Files.readAllBytes(file.path()), StandardCharsets.UTF_8)).isEqualTo(record.toJson());
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(file.path());
        }
    }

    @Test
    void write_dirIsAFile_throwsAndLeavesNothing() throws Exception {
        Path notADir = Files.createFile(tmp.resolve("plain-file"));
        DiscoveryFile file = new DiscoveryFile(notADir, 1);
        assertThatThrownBy(() -> file.write(record)).isInstanceOf(IOException.class);
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(notADir);
        }
    }

    @Test
    void delete_writtenFile_gone() throws Exception {
        DiscoveryFile file = new DiscoveryFile(tmp, 7);
        file.write(record);
        file.delete();
        assertThat(file.path()).doesNotExist();
    }

    @Test
    void delete_neverWritten_noError() {
        new DiscoveryFile(tmp.resolve("missing"), 7).delete();
    }

    @Test
    void pid_thisJvm_matchesProcessHandle() {
        assertThat(ProcessInfo.pid()).isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void jvmStartEpochSecond_thisJvm_matchesRuntimeBeanToTheSecond() {
        long fromBean = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime() / 1000;
        assertThat(ProcessInfo.jvmStartEpochSecond()).isBetween(fromBean - 1, fromBean + 1);
    }

    @Test
    void linuxStartEpochSecond_commandWithSpacesAndParentheses_fieldsCountedAfterIt() {
        String selfStat = "4242 (java (my) app) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 19 0 12345 0 0";
        String stat = "cpu  1 2 3\nbtime 1700000000\nprocesses 99\n";
        assertThat(ProcessInfo.linuxStartEpochSecond(selfStat, stat)).isEqualTo(1700000000L + 123);
    }
}
