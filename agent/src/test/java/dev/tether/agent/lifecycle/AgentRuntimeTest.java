package dev.tether.agent.lifecycle;

import dev.tether.agent.config.AgentOptions;
import dev.tether.agent.config.OptionsParser;
import dev.tether.agent.log.AgentLog;
import dev.tether.agent.log.LogLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AgentRuntimeTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(LogLevel.INFO, new PrintStream(logged, true, StandardCharsets.UTF_8));
    private AgentRuntime runtime;

    private AgentRuntime runtime(String args) throws Exception {
        AgentOptions options = new OptionsParser(Map.of(), new Properties()).parse(args);
        runtime = new AgentRuntime(options, null, log, System.nanoTime());
        return runtime;
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.stop();
        }
    }

    @Test
    void start_writableDir_announcesThenStopDeletes() throws Exception {
        AgentRuntime r = runtime("app=unit,discovery.dir=" + tmp);
        r.startInBackground();
        Path file = tmp.resolve(ProcessHandle.current().pid() + ".json");
        String json = Files.readString(file);
        assertThat(json).contains("\"app\":\"unit\"");
        assertThat(get(url(json))).contains("tether_agent_info{app=\"unit\",version=");
        assertThat(logged.toString(StandardCharsets.UTF_8)).isEmpty();
        r.stop();
        assertThat(file).doesNotExist();
    }

    @Test
    void start_unwritableDiscoveryDir_logsOneLineAndStillServes() throws Exception {
        Path notADir = Files.createFile(tmp.resolve("file"));
        runtime("discovery.dir=" + notADir).startInBackground();
        String line = logged.toString(StandardCharsets.UTF_8);
        assertThat(line.lines()).hasSize(1);
        assertThat(line).startsWith("tether-agent: cannot write the discovery file " + notADir.resolve(ProcessHandle.current().pid() + ".json"));
        Matcher m = Pattern.compile("metrics are still served at (\\S+)").matcher(line);
        assertThat(m.find()).isTrue();
        assertThat(get(m.group(1))).contains("jvm_memory_bytes_used");
    }

    @Test
    void start_afterStop_leavesNoFileAndNoEndpoint() throws Exception {
        AgentRuntime r = runtime("discovery.dir=" + tmp);
        r.stop();
        r.startInBackground();
        try (var files = Files.list(tmp)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void urlHost_wildcardsAndIpv6() {
        assertThat(AgentRuntime.urlHost("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(AgentRuntime.urlHost("0.0.0.0")).isEqualTo("127.0.0.1");
        assertThat(AgentRuntime.urlHost("::")).isEqualTo("[::1]");
        assertThat(AgentRuntime.urlHost("::1")).isEqualTo("[::1]");
        assertThat(AgentRuntime.urlHost("fe80::2")).isEqualTo("[fe80::2]");
    }

    private static String url(String json) {
        Matcher m = Pattern.compile("\"url\":\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
