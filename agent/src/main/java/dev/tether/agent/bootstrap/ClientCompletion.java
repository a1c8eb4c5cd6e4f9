package dev.tether.agent.bootstrap;

import java.util.function.BiConsumer;

/** Times an asynchronous HTTP client call to its completion. */
final class ClientCompletion implements BiConsumer<Object, Throwable> {
    private final long start;
    private final Object request;

    ClientCompletion(long start, Object request) {
        this.start = start;
        this.request = request;
    }

    @Override
    public void accept(Object response, Throwable thrown) {
        TetherBridge.httpClient(start, request, response, thrown);
    }
}
