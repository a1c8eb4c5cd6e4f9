package dev.tether.agent.endpoint;

import dev.tether.agent.lifecycle.DaemonThreads;
import dev.tether.agent.log.AgentLog;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * A small HTTP/1.1 server on a {@link ServerSocket}: one request per connection, bounded heads, read
 * timeouts, daemon threads only.
 *
 * <p>Why not the JDK's {@code com.sun.net.httpserver}: started before {@code main}, it reads the
 * {@code sun.net.httpserver.*} properties once and for all, so the app's own settings would be ignored;
 * its dispatcher thread is not a daemon; and {@code stop()} costs the exit time it waits. Here a
 * shutdown closes the socket and is done.
 */
public final class MetricsServer implements Closeable {
    static final int READ_TIMEOUT_MILLIS = 5000;
    private static final int MAX_WORKERS = 4;
    private static final int DRAIN_MILLIS = 200;
    private static final int ACCEPT_RETRY_MILLIS = 100;
    private static final long MAX_DRAIN_BYTES = 1 << 20;
    private static final int WORKER_IDLE_SECONDS = 30;

    private final ServerSocket socket;
    private final RequestHandler handler;
    private final AgentLog log;
    /** No idle threads after a while: scrapes come every few seconds, and a thread is cheap to start. */
    private final ConnectionWorkers workers = new ConnectionWorkers("tether-http-worker", MAX_WORKERS, WORKER_IDLE_SECONDS);
    private volatile boolean closed;
    private boolean acceptFailureLogged;

    private MetricsServer(ServerSocket socket, RequestHandler handler, AgentLog log) {
        this.socket = socket;
        this.handler = handler;
        this.log = log;
    }

    /**
     * Binds {@code address:port} and starts accepting. A port that is taken gets one line in the log and a
     * free port instead, so a clash never costs the app its metrics.
     */
    public static MetricsServer start(InetAddress address, int port, RequestHandler handler, AgentLog log) throws IOException {
        ServerSocket socket;
        try {
            socket = bind(address, port);
        } catch (BindException e) {
            if (port == 0) {
                throw e;
            }
            log.problem("port " + port + " on " + address.getHostAddress() + " is taken (" + e.getMessage()
                    + "); serving on a free port instead");
            socket = bind(address, 0);
        }
        MetricsServer server = new MetricsServer(socket, handler, log);
        DaemonThreads.newThread("tether-http", new Runnable() {
            @Override
            public void run() {
                server.acceptLoop();
            }
        }).start();
        return server;
    }

    private static ServerSocket bind(InetAddress address, int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(address, port), 50);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Stops accepting at once; a response being written is cut short, which is fine at exit. */
    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        workers.close();
    }

    private void acceptLoop() {
        while (!closed && !Thread.currentThread().isInterrupted()) {
            final Socket connection;
            try {
                connection = socket.accept();
            } catch (Throwable t) {
                if (closed) {
                    return;
                }
                // Out of file descriptors, say: the app's trouble is likely transient, so keep serving after it.
                if (!acceptFailureLogged) {
                    acceptFailureLogged = true;
                    log.problem("metrics endpoint cannot accept connections (" + t + "); retrying");
                }
                pause(ACCEPT_RETRY_MILLIS);
                continue;
            }
            boolean taken = workers.offer(new Runnable() {
                @Override
                public void run() {
                    serve(connection);
                }
            });
            if (!taken) {
                // Every worker is busy with slow clients: turn this one away rather than queue it.
                closeQuietly(connection);
            }
        }
    }

    void serve(Socket connection) {
        try {
            connection.setSoTimeout(READ_TIMEOUT_MILLIS);
            // Buffered, or reading the head byte by byte costs a system call per byte. Nothing after the
            // head is ever read, so over-reading is harmless.
            InputStream in = new BufferedInputStream(connection.getInputStream(), 1024);
            OutputStream out = connection.getOutputStream();
            HttpRequest request;
            try {
                request = HttpRequestReader.read(in);
            } catch (HttpRequestReader.BadRequest e) {
                write(out, HttpResponse.error(e.status, e.getMessage()), false, false);
                drain(connection);
                return;
            } catch (SocketTimeoutException e) {
                write(out, HttpResponse.error(408, "request not received within " + READ_TIMEOUT_MILLIS + " ms"), false, false);
                return;
            }
            if (request == null) {
                return;
            }
            HttpResponse response;
            try {
                response = handler.handle(request);
            } catch (Throwable t) {
                log.debug("request failed: " + t);
                response = HttpResponse.error(500, "internal error");
            }
            write(out, response, request.acceptsGzip(), request.method().equals("HEAD"));
        } catch (Throwable t) {
            // The client went away or the server is closing: nothing to tell anyone.
        } finally {
            closeQuietly(connection);
        }
    }

    private static void write(OutputStream out, HttpResponse response, boolean gzip, boolean headOnly) throws IOException {
        boolean compress = gzip && response.status() == 200 && response.bodyLength() > 0;
        byte[] zipped = null;
        if (compress) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(response.bodyLength() / 4 + 64);
            GZIPOutputStream zip = new GZIPOutputStream(buffer);
            response.writeBody(zip);
            zip.close();
            zipped = buffer.toByteArray();
        }
        int length = compress ? zipped.length : response.bodyLength();
        StringBuilder head = new StringBuilder(160);
        head.append("HTTP/1.1 ").append(response.status()).append(' ').append(HttpResponse.reason(response.status())).append("\r\n");
        head.append("Content-Type: ").append(response.contentType()).append("\r\n");
        head.append("Content-Length: ").append(length).append("\r\n");
        if (compress) {
            head.append("Content-Encoding: gzip\r\n");
        }
        if (response.allow() != null) {
            head.append("Allow: ").append(response.allow()).append("\r\n");
        }
        head.append("Vary: Accept, Accept-Encoding\r\n");
        head.append("Connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!headOnly) {
            if (compress) {
                out.write(zipped);
            } else {
                response.writeBody(out);
            }
        }
        out.flush();
    }

    /**
     * Closing a socket with unread input makes the kernel send a reset, which can destroy the error
     * response before the client reads it. So half-close, and read away what is left, within bounds.
     */
    private static void drain(Socket connection) throws IOException {
        connection.shutdownOutput();
        connection.setSoTimeout(DRAIN_MILLIS);
        InputStream in = connection.getInputStream();
        byte[] skip = new byte[8192];
        long total = 0;
        int n;
        while (total < MAX_DRAIN_BYTES && (n = in.read(skip)) >= 0) {
            total += n;
        }
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // Already gone.
        }
    }
}
