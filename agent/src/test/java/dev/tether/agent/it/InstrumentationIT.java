package dev.tether.agent.it;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Each instrumentation in a real JVM with real traffic: exact counts and labels from /metrics. */
class InstrumentationIT {
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);

    @TempDir
    Path tmp;

    @OnEachJdk
    void httpServerAndClient_jdkServerAndClient_countsEachRequestOnceWithLabels(Jdk jdk) throws Exception {
        try (ChildJvm app = start(jdk, "instrument=all")) {
            Announcement a = Announcement.await(tmp.resolve("agents"), app);
            String out = run(app, "http");
            String port = value(out, "server-port ");
            assertHttpCounts(a.scrape(), out, port);
            assertNoErrors(a.scrape());
            exit(app, jdk);
        }
    }

    @OnEachJdk
    void httpServer_10000DistinctPaths_atMost101RouteValues(Jdk jdk) throws Exception {
        try (ChildJvm app = start(jdk, "instrument=all")) {
            Announcement a = Announcement.await(tmp.resolve("agents"), app);
            run(app, "paths");
            String metrics = a.scrape();
            Map<String, String> server = samples(metrics, "http_server_requests_seconds_count");
            assertThat(server).hasSize(101);
            assertThat(server).containsEntry("method=\"GET\",status=\"200\",route=\"other\",", "9900.0")
                    .containsEntry("method=\"GET\",status=\"200\",route=\"/p0\",", "1.0")
                    .containsEntry("method=\"GET\",status=\"200\",route=\"/p99\",", "1.0");
            assertThat(samples(metrics, "tether_agent_label_overflow_total")).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "family=\"http_server_requests_seconds\",", "9900.0",
                    "family=\"http_client_requests_seconds\",", "0.0",
                    "family=\"executor\",", "0.0"));
            exit(app, jdk);
        }
    }

    @OnEachJdk
    void httpServer_jettyJavaxServlets_countsEachRequestOnceByServletRoute(Jdk jdk) throws Exception {
        assertServletApp(jdk, "jetty");
    }

    @OnEachJdk
    void httpServer_undertowJakartaServlets_countsEachRequestOnceByServletRoute(Jdk jdk) throws Exception {
        assertServletApp(jdk, "undertow");
    }

    /** The same servlets in either container (see {@link ServletTraffic}): the same counts. */
    private void assertServletApp(Jdk jdk, String container) throws Exception {
        // Undertow's jboss-threads uses sun.misc.Unsafe, which JDK 24+ warns about on stderr unless allowed.
        String[] jvmArgs = jdk.feature() >= 23 ? new String[] {"--sun-misc-unsafe-memory-access=allow"} : new String[0];
        try (ChildJvm app = start(jdk, "instrument=http-server", jvmArgs)) {
            Announcement a = Announcement.await(tmp.resolve("agents"), app);
            String out = run(app, container);
            assertThat(out).contains("servlet GET /api/items/1 200 api /items/1", "servlet POST /api/items 201 created",
                    "servlet DELETE /api/items/1 204", "servlet GET /missing/x 404",
                    "filter caught java.lang.IllegalStateException: boom from the servlet", "servlet GET /boom 500",
                    "servlet GET /old/x 200 api /moved", "servlet GET /page 200 page[api", "servlet GET /async 200 api /async",
                    "servlet GET /later 503 later",
                    "servlet GET /wrapped 200 wrapped", "servlet GET /shop/cart/1 200 ok /shop /cart/1",
                    "servlet GET /shop/admin/users 200 ok /shop /admin");
            String metrics = a.scrape();
            assertThat(samples(metrics, "http_server_requests_seconds_count")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                    // Prefix mapping: its servlet path. The forward, include and async dispatch to /api/* are not counted.
                    Map.entry("method=\"GET\",status=\"200\",route=\"/api\",", "2.0"),
                    Map.entry("method=\"POST\",status=\"201\",route=\"/api\",", "1.0"),
                    Map.entry("method=\"DELETE\",status=\"204\",route=\"/api\",", "1.0"),
                    // The container's own default servlet, in the root context: the first path segment.
                    Map.entry("method=\"GET\",status=\"404\",route=\"/missing\",", "1.0"),
                    Map.entry("method=\"GET\",status=\"500\",route=\"/boom\",", "1.0"),
                    Map.entry("method=\"GET\",status=\"200\",route=\"/old\",", "1.0"),
                    Map.entry("method=\"GET\",status=\"200\",route=\"/page\",", "1.0"),
                    // Dispatched at once (startAsync().dispatch()): recorded when its first service() returns.
                    Map.entry("method=\"GET\",status=\"200\",route=\"/async\",", "1.0"),
                    // Completed later on another thread: recorded then, with its final status.
                    Map.entry("method=\"GET\",status=\"503\",route=\"/later\",", "1.0"),
                    Map.entry("method=\"GET\",status=\"200\",route=\"/wrapped\",", "1.0"),
                    // Default mapping in a context: the context path; prefix mapping: context and servlet path.
                    Map.entry("method=\"GET\",status=\"200\",route=\"/shop\",", "1.0"),
                    Map.entry("method=\"GET\",status=\"200\",route=\"/shop/admin\",", "1.0")));
            // Timed to its completion, 150 ms after service() returned.
            assertThat(Double.parseDouble(samples(metrics, "http_server_requests_seconds_sum")
                    .get("method=\"GET\",status=\"503\",route=\"/later\","))).isGreaterThanOrEqualTo(0.15);
            assertNoErrors(metrics);
            exit(app, jdk);
        }
    }

    @OnEachJdk
    void jdbc_h2InMemory_countsByOperationAndOutcome(Jdk jdk) throws Exception {
        try (ChildJvm app = start(jdk, "instrument=jdbc")) {
            Announcement a = Announcement.await(tmp.resolve("agents"), app);
            String out = run(app, "jdbc");
            assertThat(out).contains("app caught org.h2.jdbc.JdbcSQLSyntaxErrorException 42102");
            String metrics = a.scrape();
            assertThat(samples(metrics, "jdbc_statements_seconds_count")).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "operation=\"other\",outcome=\"success\",", "1.0",
                    "operation=\"insert\",outcome=\"success\",", "3.0",
                    "operation=\"update\",outcome=\"success\",", "1.0",
                    "operation=\"select\",outcome=\"success\",", "2.0",
                    "operation=\"delete\",outcome=\"success\",", "1.0",
                    "operation=\"select\",outcome=\"error\",", "1.0"));
            // Only what was selected is installed.
            assertThat(metrics).doesNotContain("http_server_requests_seconds", "http_client_requests_seconds");
            assertNoErrors(metrics);
            exit(app, jdk);
        }
    }

    /** What one "http" command must have produced, on the server and the client side. */
    private static void assertHttpCounts(String metrics, String out, String port) {
            Map<String, String> server = samples(metrics, "http_server_requests_seconds_count");
            assertThat(server).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "method=\"GET\",status=\"200\",route=\"/api\",", "3.0",
                    "method=\"POST\",status=\"201\",route=\"/api\",", "2.0",
                    "method=\"GET\",status=\"404\",route=\"/users\",", "2.0",
                    "method=\"GET\",status=\"404\",route=\"/\",", "1.0",
                    "method=\"GET\",status=\"503\",route=\"/boom\",", "1.0",
                    "method=\"POST\",status=\"500\",route=\"/crash\",", "1.0"));
            // The app's exception reached the app's own filter unchanged.
            assertThat(out).contains("filter caught java.lang.IllegalStateException: boom from the app", "boom status 503");

            Map<String, String> client = samples(metrics, "http_client_requests_seconds_count");
            assertThat(client).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "method=\"GET\",host=\"127.0.0.1:" + port + "\",status=\"200\",", "3.0",
                    "method=\"POST\",host=\"127.0.0.1:" + port + "\",status=\"201\",", "2.0",
                    "method=\"GET\",host=\"127.0.0.1:" + port + "\",status=\"404\",", "3.0",
                    "method=\"GET\",host=\"127.0.0.1:" + port + "\",status=\"503\",", "1.0",
                    "method=\"POST\",host=\"127.0.0.1:" + port + "\",status=\"error\",", "1.0",
                    "method=\"GET\",host=\"127.0.0.1:1\",status=\"error\",", "1.0"));
            assertThat(out).contains("crash: client caught java.io.IOException", "client caught java.net.ConnectException");
    }

    @OnEachJdk
    void executors_realPool_gaugesAndRejectionsByCreatingClass(Jdk jdk) throws Exception {
        try (ChildJvm app = start(jdk, "instrument=executors")) {
            Announcement a = Announcement.await(tmp.resolve("agents"), app);
            assertThat(run(app, "executor")).contains("app caught java.util.concurrent.RejectedExecutionException");
            String pool = "pool=\"" + InstrumentedApp.class.getName() + "\",";
            String busy = a.scrape();
            assertThat(samples(busy, "executor_active_threads")).containsEntry(pool, "2.0");
            assertThat(samples(busy, "executor_queued_tasks")).containsEntry(pool, "1.0");
            assertThat(samples(busy, "executor_completed_tasks_total")).containsEntry(pool, "0.0");
            assertThat(samples(busy, "executor_rejected_tasks_total")).containsExactlyEntriesOf(Map.of(pool, "1.0"));

            run(app, "release");
            String drained = a.scrape();
            assertThat(samples(drained, "executor_active_threads")).containsEntry(pool, "0.0");
            assertThat(samples(drained, "executor_queued_tasks")).containsEntry(pool, "0.0");
            assertThat(samples(drained, "executor_completed_tasks_total")).containsEntry(pool, "3.0");
            assertNoErrors(drained);
            exit(app, jdk);
        }
    }

    @OnEachJdk
    void logging_julLogbackLog4j_countsEventsThatPassTheLevel(Jdk jdk) throws Exception {
        try (ChildJvm app = start(jdk, "instrument=logging")) {
            Announcement a = Announcement.await(tmp.resolve("agents"), app);
            run(app, "logs");
            String metrics = a.scrape();
            assertThat(samples(metrics, "log_events_total")).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "level=\"info\",logger_framework=\"jul\",", "2.0",
                    "level=\"warning\",logger_framework=\"jul\",", "1.0",
                    "level=\"info\",logger_framework=\"logback\",", "2.0",
                    "level=\"error\",logger_framework=\"logback\",", "1.0",
                    "level=\"debug\",logger_framework=\"logback\",", "1.0",
                    "level=\"error\",logger_framework=\"log4j\",", "2.0"));
            assertNoErrors(metrics);
            exit(app, jdk);
        }
    }

    @OnEachJdk
    void logging_adviceThatThrows_appGoesOnAndOnlyLoggingTurnsItselfOffAndIsCounted(Jdk jdk) throws Exception {
        try (ChildJvm app = start(jdk, "instrument=logging,jdbc")) {
            Announcement a = Announcement.await(tmp.resolve("agents"), app);
            String out = run(app, "failing-advice");
            assertThat(out).contains("logged with a hostile level");
            run(app, "jdbc");
            String metrics = a.scrape();
            assertThat(samples(metrics, "tether_agent_instrumentation_errors_total")).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "instrumentation=\"logging\",", "1.0"));
            // Turned off at the first failure: the warning and the Logback error after it are not counted.
            assertThat(samples(metrics, "log_events_total")).isEmpty();
            // The other instrumentation goes on.
            assertThat(samples(metrics, "jdbc_statements_seconds_count")).containsEntry("operation=\"insert\",outcome=\"success\",", "3.0");
            app.send("exit");
            assertThat(app.awaitExit()).isZero();
            assertThat(app.stderr().lines()).singleElement().asString()
                    .startsWith("tether-agent: ").contains("logging").contains("hostile level name");
        }
    }

    @OnEachJdk
    void attach_classesAlreadyLoaded_areRetransformed(Jdk jdk) throws Exception {
        Path dir = tmp.resolve("agents");
        // JDK 21+ warns about agents loaded into a running JVM unless the JVM allows it up front.
        try (ChildJvm app = ChildJvm.builder(jdk, tmp).jvmArg("-XX:+EnableDynamicAgentLoading").mainClass(InstrumentedApp.class)
                .classPath(BuildOutputs.testLibraries()).start()) {
            app.awaitStdout("app-started");
            run(app, "http");
            run(app, "jdbc");
            try (ChildJvm attach = ChildJvm.launch(List.of(jdk.java(), "-jar", BuildOutputs.agentJar(), "attach",
                    Long.toString(app.pid()), "discovery.dir=" + dir + ",instrument=all"), tmp, Map.of())) {
                assertThat(attach.awaitExit()).as(attach.stderr()).isZero();
            }
            Announcement a = Announcement.await(dir, app);
            String out = run(app, "http");
            String lastRun = out.substring(out.lastIndexOf("done jdbc"));
            assertHttpCounts(a.scrape(), lastRun, value(lastRun, "server-port "));
            run(app, "jdbc");
            assertThat(samples(a.scrape(), "jdbc_statements_seconds_count")).containsEntry("operation=\"insert\",outcome=\"success\",", "3.0");
            exit(app, jdk);
        }
    }

    @OnEachJdk
    void httpClient_httpUrlConnection_countsEachExchangeOnceWithLabels(Jdk jdk) throws Exception {
        try (ChildJvm app = start(jdk, "instrument=http-client")) {
            Announcement a = Announcement.await(tmp.resolve("agents"), app);
            String out = run(app, "urlconnection");
            String port = value(out, "server-port ");
            assertThat(out).contains("get status 200", "post status 201", "missing status 404",
                    "urlconnection caught java.io.FileNotFoundException 404", "urlconnection caught java.net.ConnectException",
                    "connect caught java.net.ConnectException");
            String metrics = a.scrape();
            assertThat(samples(metrics, "http_client_requests_seconds_count")).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "method=\"GET\",host=\"127.0.0.1:" + port + "\",status=\"200\",", "3.0",
                    "method=\"POST\",host=\"127.0.0.1:" + port + "\",status=\"201\",", "2.0",
                    "method=\"GET\",host=\"127.0.0.1:" + port + "\",status=\"404\",", "2.0",
                    "method=\"GET\",host=\"127.0.0.1:1\",status=\"error\",", "2.0"));
            assertThat(metrics).doesNotContain("http_server_requests_seconds");
            assertNoErrors(metrics);
            exit(app, jdk);
        }
    }

    @OnEachJdk
    void methods_classAndServiceGlobs_timesSelectedMethodsWithOutcome(Jdk jdk) throws Exception {
        // instrument=none: methods= alone turns its instrumentation on.
        try (ChildJvm app = start(jdk, "instrument=none,methods=com.acme.Billing#charge,com.acme.*Service#*")) {
            Announcement a = Announcement.await(tmp.resolve("agents"), app);
            String out = run(app, "methods");
            // The app's own exception reached its caller unchanged, its stack trace included.
            assertThat(out).contains("app caught com.acme.PaymentDeclined: negative amount -1 at com.acme.Billing.charge(Billing.java:", "users 3");
            String metrics = a.scrape();
            assertThat(samples(metrics, "method_seconds_count")).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "class=\"com.acme.Billing\",method=\"charge\",outcome=\"success\",", "3.0",
                    "class=\"com.acme.Billing\",method=\"charge\",outcome=\"error\",", "1.0",
                    "class=\"com.acme.OrderService\",method=\"place\",outcome=\"success\",", "2.0",
                    "class=\"com.acme.OrderService\",method=\"place\",outcome=\"error\",", "1.0",
                    "class=\"com.acme.UserService\",method=\"name\",outcome=\"success\",", "3.0",
                    "class=\"com.acme.UserService\",method=\"count\",outcome=\"success\",", "1.0"));
            assertThat(metrics).doesNotContain("http_server_requests_seconds", "http_client_requests_seconds", "jdbc_statements_seconds");
            assertNoErrors(metrics);
            exit(app, jdk);
        }
    }

    @OnEachJdk
    void weaving_everyInstrumentationRewritesItsClasses_loadsNoByteBuddyClassButItsAsm(Jdk jdk) throws Exception {
        Path classLog = tmp.resolve("class-load.log");
        try (ChildJvm app = ChildJvm.builder(jdk, tmp).agent("discovery.dir=" + tmp.resolve("agents") + ",instrument=all")
                .jvmArg("-Xlog:class+load=info:file=" + classLog).mainClass(InstrumentedApp.class)
                .classPath(BuildOutputs.testLibraries()).start()) {
            app.awaitStdout("app-started");
            Announcement a = Announcement.await(tmp.resolve("agents"), app);
            for (String command : List.of("http", "jdbc", "logs", "executor", "release")) {
                run(app, command);
            }
            assertNoErrors(a.scrape());
            exit(app, jdk);
        }
        List<String> shaded = java.nio.file.Files.readAllLines(classLog).stream()
                .map(l -> l.substring(l.indexOf("] ") + 2)) // after [uptime][level][tags]
                .filter(l -> l.startsWith("dev.tether.agent.shaded.net.bytebuddy."))
                .map(l -> l.substring(0, l.indexOf(' ')))
                .collect(java.util.stream.Collectors.toList());
        assertThat(shaded).as("the weaver ran").contains("dev.tether.agent.shaded.net.bytebuddy.jar.asm.ClassWriter");
        assertThat(shaded).allMatch(c -> c.startsWith("dev.tether.agent.shaded.net.bytebuddy.jar.asm."), "is Byte Buddy's ASM");
    }

    @OnEachJdk
    void agent_appThatMakesNoPool_neverLoadsThreadPoolExecutor(Jdk jdk) throws Exception {
        // Loaded by the agent before the executors instrumentation is in, it would have to be retransformed.
        Path classLog = tmp.resolve("class-load.log");
        try (ChildJvm app = start(jdk, "instrument=all", "-Xlog:class+load=info:file=" + classLog)) {
            Announcement a = Announcement.await(tmp.resolve("agents"), app);
            for (int i = 0; i < 5; i++) {
                assertNoErrors(a.scrape());
            }
            exit(app, jdk);
        }
        assertThat(java.nio.file.Files.readAllLines(classLog)).noneMatch(l -> l.contains(" java.util.concurrent.ThreadPoolExecutor "));
    }

    private ChildJvm start(Jdk jdk, String agentArgs, String... jvmArgs) throws Exception {
        String args = "discovery.dir=" + tmp.resolve("agents") + (agentArgs == null ? "" : "," + agentArgs);
        ChildJvm.Builder builder = ChildJvm.builder(jdk, tmp).agent(args).mainClass(InstrumentedApp.class)
                .classPath(BuildOutputs.testLibraries());
        for (String arg : jvmArgs) {
            builder.jvmArg(arg);
        }
        ChildJvm app = builder.start();
        app.awaitStdout("app-started");
        return app;
    }

    /** Sends a command once the agent is ready and waits for the app to finish it. */
    private static String run(ChildJvm app, String command) throws Exception {
        String done = "done " + command + "\n";
        int before = app.stdout().split(done, -1).length;
        app.send(command);
        long deadline = System.nanoTime() + ChildJvm.TIMEOUT.toNanos();
        while (app.stdout().split(done, -1).length == before) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + done + "'\nstdout:\n" + app.stdout() + "\nstderr:\n" + app.stderr());
            }
            Thread.sleep(20);
        }
        return app.stdout();
    }

    private static void exit(ChildJvm app, Jdk jdk) throws Exception {
        app.send("exit");
        assertThat(app.awaitExit()).isZero();
        assertThat(app.stderr()).as("stderr on " + jdk).isEmpty();
    }

    private static void assertNoErrors(String metrics) {
        assertThat(metrics).doesNotContain("tether_agent_instrumentation_errors_total{");
    }

    private static String value(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length());
    }

    /** The samples of one name: labels (as written, trailing comma included) to value. */
    static Map<String, String> samples(String metrics, String name) {
        Map<String, String> found = new TreeMap<>();
        Matcher m = SAMPLE.matcher(metrics);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                found.put(m.group(2), m.group(3));
            }
        }
        return found;
    }
}
