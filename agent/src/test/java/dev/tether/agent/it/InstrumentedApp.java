package dev.tether.agent.it;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.BufferedReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.FileNotFoundException;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The app the instrumentation tests drive: it waits for a command on stdin (sent once the agent is
 * ready), runs real traffic, prints {@code done <command>}, and waits for {@code exit}.
 */
public final class InstrumentedApp {
    private InstrumentedApp() {
    }

    public static void main(String[] args) throws Exception {
        // Without it JDK 17's server meets the client's delayed ACK: 40 ms per keep-alive request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.out.println("app-started");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("exit")) {
            switch (line) {
                case "http" -> http();
                case "paths" -> distinctPaths(10_000);
                case "jdbc" -> jdbc();
                case "executor" -> fillPool();
                case "release" -> drainPool();
                case "logs" -> logs();
                case "failing-advice" -> failingAdvice();
                case "jetty" -> JavaxServletApp.run();
                case "undertow" -> JakartaServletApp.run();
                case "urlconnection" -> urlConnection();
                case "methods" -> methods();
                default -> System.out.println("unknown " + line);
            }
            System.out.println("done " + line);
        }
    }

    /** A JDK server with three contexts, called by the JDK client synchronously and asynchronously. */
    private static void http() throws Exception {
        HttpServer server = server();
        server.createContext("/", ex -> respond(ex, 404));
        server.createContext("/api", ex -> respond(ex, ex.getRequestMethod().equals("POST") ? 201 : 200));
        server.createContext("/boom", ex -> {
            throw new IllegalStateException("boom from the app");
        }).getFilters().add(new Filter() {
            @Override
            public void doFilter(HttpExchange ex, Chain chain) throws IOException {
                try {
                    chain.doFilter(ex);
                } catch (IllegalStateException e) {
                    // What the app threw reaches the app's own filter unchanged.
                    System.out.println("filter caught " + e.getClass().getName() + ": " + e.getMessage());
                    respond(ex, 503);
                }
            }

            @Override
            public String description() {
                return "catches";
            }
        });
        server.createContext("/crash", ex -> {
            throw new IllegalStateException("crash from the app");
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 3; i++) {
                client.send(HttpRequest.newBuilder(URI.create(base + "/api/items/" + i)).build(), HttpResponse.BodyHandlers.ofString());
            }
            CompletableFuture<?> a = client.sendAsync(post(base + "/api/items"), HttpResponse.BodyHandlers.ofString());
            CompletableFuture<?> b = client.sendAsync(post(base + "/api/items"), HttpResponse.BodyHandlers.ofString());
            CompletableFuture.allOf(a, b).join();
            for (String path : new String[] {"/users/1", "/users/2", "/"}) {
                client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
            }
            HttpResponse<String> boom = client.send(HttpRequest.newBuilder(URI.create(base + "/boom")).build(), HttpResponse.BodyHandlers.ofString());
            System.out.println("boom status " + boom.statusCode());
            try {
                // POST: the client retries a GET whose connection closed without a response.
                client.send(post(base + "/crash"), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                System.out.println("crash: client caught " + e.getClass().getName());
            }
            try {
                client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/closed")).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                System.out.println("client caught " + e.getClass().getName());
            }
            System.out.println("server-port " + server.getAddress().getPort());
        } finally {
            server.stop(0);
        }
    }

    private static void distinctPaths(int count) throws Exception {
        HttpServer server = server();
        server.createContext("/", ex -> respond(ex, 200));
        server.start();
        try {
            // A bare keep-alive socket: 10,000 requests through HttpClient take too long for a lean test.
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                for (int i = 0; i < count; i++) {
                    out.write(("GET /p" + i + "/x HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    readResponse(in);
                }
            }
            System.out.println("server-port " + server.getAddress().getPort());
        } finally {
            server.stop(0);
        }
    }

    /** Reads one response with a Content-Length body. */
    private static void readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            head.append((char) b);
        }
        String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
        int at = lower.indexOf("content-length:");
        int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf('\r', at)).trim());
        in.readNBytes(length);
    }

    private static HttpServer server() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(null);
        return server;
    }

    private static HttpRequest post(String url) {
        return HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }

    private static void respond(HttpExchange ex, int status) throws IOException {
        ex.getRequestBody().readAllBytes();
        byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    /** Held by the app, as an app holds its pools. */
    private static ThreadPoolExecutor pool;

    /** Two busy workers, one queued task, one rejected. */
    private static void fillPool() throws Exception {
        pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1));
        CountDownLatch running = new CountDownLatch(2);
        for (int i = 0; i < 3; i++) {
            pool.execute(() -> {
                running.countDown();
                try {
                    RELEASE.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        running.await();
        try {
            pool.execute(() -> { });
        } catch (RejectedExecutionException e) {
            System.out.println("app caught " + e.getClass().getName());
        }
    }

    private static void drainPool() throws Exception {
        RELEASE.countDown();
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Each framework, at levels that pass and one that does not. JUL's console handler would write to stderr: removed. */
    private static void logs() {
        java.util.logging.LogManager.getLogManager().reset();
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("app.jul");
        jul.info("one");
        jul.info("two");
        jul.warning("three");
        jul.fine("not logged: INFO is the default level");

        org.slf4j.Logger logback = org.slf4j.LoggerFactory.getLogger("app.logback");
        logback.info("one");
        logback.info("two {}", 2);
        logback.error("three", new IllegalStateException("logged, not thrown"));
        logback.debug("four: DEBUG is Logback's default level");
        logback.trace("not logged");

        org.apache.logging.log4j.Logger log4j = org.apache.logging.log4j.LogManager.getLogger("app.log4j");
        log4j.error("one");
        log4j.error("two {}", 2);
        log4j.info("not logged: ERROR is Log4j's default level");
    }

    /**
     * A JUL level whose {@code getName} throws: the logging advice reads it, so the advice fails. JUL
     * itself never asks for the name here (no handler formats the record), so the app's call must succeed.
     */
    private static void failingAdvice() {
        java.util.logging.LogManager.getLogManager().reset();
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("app.failing");
        jul.setUseParentHandlers(false);
        jul.log(new HostileLevel(), "advice fails here");
        System.out.println("logged with a hostile level");
        jul.warning("not counted: logging is off by now");
        org.slf4j.LoggerFactory.getLogger("app.logback").error("not counted either");
    }

    /** See {@link #failingAdvice}. */
    static final class HostileLevel extends java.util.logging.Level {
        HostileLevel() {
            super("HOSTILE", 950);
        }

        @Override
        public String getName() {
            throw new IllegalStateException("hostile level name");
        }
    }

    /** The servlet containers log through Logback (its default: everything, on stdout): only warnings, please. */
    static void quietLogback(String... loggers) {
        for (String name : loggers) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name)).setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    /** Plain JDBC on an in-memory H2: two statement kinds, every operation, and one failing query. */
    private static void jdbc() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:app")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE item(id INT PRIMARY KEY, name VARCHAR(20))");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO item VALUES (?, ?)")) {
                for (int i = 0; i < 3; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "n" + i);
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement update = c.prepareStatement("  update item SET name = ? WHERE id = ?")) {
                update.setString(1, "x");
                update.setInt(2, 1);
                update.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                for (int i = 0; i < 2; i++) {
                    try (ResultSet rs = s.executeQuery("/* report */ SELECT count(*) FROM item")) {
                        rs.next();
                    }
                }
                s.executeUpdate("DELETE FROM item WHERE id = 2");
                try {
                    s.executeQuery("SELECT * FROM missing_table");
                } catch (SQLException e) {
                    System.out.println("app caught " + e.getClass().getName() + " " + e.getErrorCode());
                }
            }
        }
    }

    /** The JDK's {@code HttpURLConnection} against a JDK server, ending each exchange each way an app can. */
    private static void urlConnection() throws Exception {
        HttpServer server = server();
        server.createContext("/", ex -> respond(ex, 404));
        server.createContext("/api", ex -> respond(ex, ex.getRequestMethod().equals("POST") ? 201 : 200));
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            HttpURLConnection c = open(base + "/api/a");
            c.getInputStream().readAllBytes();
            c.getInputStream().close();
            c = open(base + "/api/b");
            System.out.println("get status " + c.getResponseCode());
            c.getInputStream().readAllBytes();
            try (InputStream in = URI.create(base + "/api/c").toURL().openStream()) {
                in.readAllBytes();
            }
            for (int i = 0; i < 2; i++) {
                c = open(base + "/api/items");
                c.setRequestMethod("POST");
                c.setDoOutput(true);
                if (i == 1) {
                    c.connect();
                }
                try (OutputStream out = c.getOutputStream()) {
                    out.write("{}".getBytes(StandardCharsets.UTF_8));
                }
                System.out.println("post status " + c.getResponseCode());
                c.getInputStream().readAllBytes();
            }
            c = open(base + "/users/1");
            try {
                c.getInputStream();
            } catch (FileNotFoundException e) {
                System.out.println("urlconnection caught " + e.getClass().getName() + " " + c.getResponseCode());
            }
            System.out.println("missing status " + open(base + "/users/2").getResponseCode());
            try {
                open("http://127.0.0.1:1/closed").getResponseCode();
            } catch (IOException e) {
                System.out.println("urlconnection caught " + e.getClass().getName());
            }
            try {
                open("http://127.0.0.1:1/closed").connect();
            } catch (IOException e) {
                System.out.println("connect caught " + e.getClass().getName());
            }
            System.out.println("server-port " + server.getAddress().getPort());
        } finally {
            server.stop(0);
        }
    }

    private static HttpURLConnection open(String url) throws IOException {
        return (HttpURLConnection) URI.create(url).toURL().openConnection();
    }

    /** The {@code com.acme} classes that {@code methods=com.acme.Billing#charge,com.acme.*Service#*} selects, and some it does not. */
    private static void methods() throws Exception {
        com.acme.Billing billing = new com.acme.Billing();
        com.acme.OrderService orders = new com.acme.OrderService(billing);
        orders.place(100);
        orders.place(200);
        billing.charge(5);
        try {
            orders.place(-1);
        } catch (com.acme.PaymentDeclined e) {
            System.out.println("app caught " + e.getClass().getName() + ": " + e.getMessage() + " at " + e.getStackTrace()[0]);
        }
        com.acme.UserService users = new com.acme.UserService();
        for (int i = 0; i < 3; i++) {
            users.name(i);
        }
        System.out.println("users " + com.acme.UserService.count());
        billing.refund(1);
        new com.acme.Ledger().charge(1);
        new com.acme.ServiceRegistry().size();
    }
}
