package benchmark;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpServer;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** An exchange with no network behind it, a GET of /api/items/7 answered 200: only the dispatch is measured. */
public final class FakeExchange extends HttpExchange {
    private static final URI URI_ = URI.create("/api/items/7");
    private final HttpContext context = new Context();
    private int status = -1;

    @Override public Headers getRequestHeaders() { return null; }
    @Override public Headers getResponseHeaders() { return null; }
    @Override public URI getRequestURI() { return URI_; }
    @Override public String getRequestMethod() { return "GET"; }
    @Override public HttpContext getHttpContext() { return context; }
    @Override public void close() { }
    @Override public InputStream getRequestBody() { return null; }
    @Override public OutputStream getResponseBody() { return null; }
    @Override public void sendResponseHeaders(int rCode, long responseLength) { status = rCode; }
    @Override public InetSocketAddress getRemoteAddress() { return null; }
    @Override public int getResponseCode() { return status; }
    @Override public InetSocketAddress getLocalAddress() { return null; }
    @Override public String getProtocol() { return "HTTP/1.1"; }
    @Override public Object getAttribute(String name) { return null; }
    @Override public void setAttribute(String name, Object value) { }
    @Override public void setStreams(InputStream i, OutputStream o) { }
    @Override public HttpPrincipal getPrincipal() { return null; }

    private static final class Context extends HttpContext {
        @Override public HttpHandler getHandler() { return null; }
        @Override public void setHandler(HttpHandler h) { }
        @Override public String getPath() { return "/api"; }
        @Override public HttpServer getServer() { return null; }
        @Override public Map<String, Object> getAttributes() { return null; }
        @Override public List<Filter> getFilters() { return null; }
        @Override public Authenticator setAuthenticator(Authenticator auth) { return null; }
        @Override public Authenticator getAuthenticator() { return null; }
    }
}
