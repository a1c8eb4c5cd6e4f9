package dev.tether.agent.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A discovery file as the tray reads it, checked against the contract key by key. */
record Announcement(long pid, String url, String app, String startedAt, String agentVersion, String jvm) {
    /** Exactly the contract's keys, in order; startedAt is RFC 3339 in UTC. */
    private static final Pattern CONTRACT = Pattern.compile("\\{\"pid\":(\\d+),\"url\":\"(http://127\\.0\\.0\\.1:\\d+/metrics)\","
            + "\"app\":\"([^\"]*)\",\"startedAt\":\"(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ)\",\"agentVersion\":\"([^\"]+)\",\"jvm\":\"([^\"]+)\"}");

    static Path file(Path dir, long pid) {
        return dir.resolve(pid + ".json");
    }

    /** Waits for {@code <dir>/<pid>.json}, the agent's "ready". */
    static Announcement await(Path dir, ChildJvm child) throws Exception {
        Path file = file(dir, child.pid());
        long deadline = System.nanoTime() + ChildJvm.TIMEOUT.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no discovery file " + file + "\nstdout:\n" + child.stdout() + "\nstderr:\n" + child.stderr());
            }
            Thread.sleep(20);
        }
        String json = Files.readString(file, StandardCharsets.UTF_8);
        Matcher m = CONTRACT.matcher(json);
        if (!m.matches()) {
            throw new AssertionError("discovery file breaks the contract: " + json);
        }
        return new Announcement(Long.parseLong(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6));
    }

    String scrape() throws Exception {
        return get(url, "*/*").body();
    }

    HttpResponse<String> get(String target, String accept) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create(target)).header("Accept", accept).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
