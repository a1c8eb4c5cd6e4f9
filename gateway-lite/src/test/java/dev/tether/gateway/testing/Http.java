package dev.tether.gateway.testing;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Any method, any headers, to a gateway under test (HTTP, or HTTPS with a given client context). */
public final class Http {
    private final HttpClient client;
    private final String base;

    public Http(String base) {
        this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    public Http(String base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    /** HTTPS with this client context, offering only {@code protocols} when given. */
    public static Http tls(int port, SSLContext context, String... protocols) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(context);
        if (protocols.length > 0) {
            SSLParameters p = context.getDefaultSSLParameters();
            p.setProtocols(protocols);
            b.sslParameters(p);
        }
        return new Http("https://127.0.0.1:" + port, b.build());
    }

    public HttpResponse<String> send(String method, String path, String body, String... headers) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@link #send} for tests that expect success at the transport level. */
    public HttpResponse<String> call(String method, String path, String body, String... headers) {
        try {
            return send(method, path, body, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpResponse<String> push(String host, String token) {
        return token == null
                ? call("PUT", "/api/v1/hosts/" + host, "# TYPE x gauge\nx 1\n")
                : call("PUT", "/api/v1/hosts/" + host, "# TYPE x gauge\nx 1\n", "Authorization", "Bearer " + token);
    }
}
