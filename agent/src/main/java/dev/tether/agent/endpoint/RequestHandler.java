package dev.tether.agent.endpoint;

/** Answers one request. Must not throw; the server answers 500 if it does. */
public interface RequestHandler {
    HttpResponse handle(HttpRequest request);
}
