package dev.tether.tray.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real forward proxy on loopback, as small as it can be: {@code CONNECT host:port} tunnels, and
 * absolute-URI requests ({@code PUT http://host:port/path HTTP/1.1}) are relayed over a fresh
 * connection. It records each request line, so a test can check that a push went through it.
 */
public final class TinyProxy implements AutoCloseable {
    private final ServerSocket server;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public TinyProxy() throws IOException {
        server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "test-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket c = server.accept();
                open.add(c);
                Thread t = new Thread(() -> serve(c), "test-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            String requestLine = head.substring(0, head.indexOf("\r\n"));
            requestLines.add(requestLine);
            String[] parts = requestLine.split(" ");
            if (parts[0].equals("CONNECT")) {
                String[] hp = parts[1].split(":");
                try (Socket upstream = new Socket(hp[0], Integer.parseInt(hp[1]))) {
                    open.add(upstream);
                    client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                    pipeBothWays(client, upstream);
                }
                return;
            }
            // Absolute URI: one request per connection (the head says "Connection: close" upstream).
            URI uri = URI.create(parts[1]);
            try (Socket upstream = new Socket(uri.getHost(), uri.getPort())) {
                open.add(upstream);
                String rest = head.substring(head.indexOf("\r\n") + 2);
                StringBuilder newHead = new StringBuilder(parts[0] + " " + uri.getRawPath()
                        + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "") + " " + parts[2] + "\r\n");
                for (String line : rest.split("\r\n")) {
                    if (line.isEmpty() || line.toLowerCase().startsWith("connection:") || line.toLowerCase().startsWith("proxy-")) {
                        continue;
                    }
                    newHead.append(line).append("\r\n");
                }
                newHead.append("Connection: close\r\n\r\n");
                OutputStream up = upstream.getOutputStream();
                up.write(newHead.toString().getBytes(StandardCharsets.ISO_8859_1));
                long length = contentLength(head);
                up.write(in.readNBytes((int) length));
                up.flush();
                // Relay the answer until the upstream closes, then close the client connection.
                upstream.getInputStream().transferTo(client.getOutputStream());
            }
        } catch (IOException | RuntimeException e) {
            // A test proxy drops what it does not understand.
        }
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return Long.parseLong(line.substring(15).trim());
            }
        }
        return 0;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("eof in head");
            }
            b.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static void pipeBothWays(Socket a, Socket b) throws IOException {
        Thread t = new Thread(() -> {
            try {
                b.getInputStream().transferTo(a.getOutputStream());
            } catch (IOException e) {
                // closed
            } finally {
                try {
                    a.shutdownOutput();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "test-proxy-pipe");
        t.setDaemon(true);
        t.start();
        try {
            a.getInputStream().transferTo(b.getOutputStream());
        } catch (IOException e) {
            // closed
        }
        try {
            t.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
