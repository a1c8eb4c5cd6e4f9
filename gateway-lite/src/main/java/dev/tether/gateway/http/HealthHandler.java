package dev.tether.gateway.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

import java.util.function.BooleanSupplier;

/** {@code GET /-/healthy} and {@code /-/ready}: 200 while the condition holds, 503 otherwise. */
public final class HealthHandler implements HttpHandler {
    private final BooleanSupplier condition;
    private final String what;

    public HealthHandler(BooleanSupplier condition, String what) {
        this.condition = condition;
        this.what = what;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) {
        if (condition.getAsBoolean()) {
            Responses.text(ex, 200, "tether-gateway is " + what + ".");
        } else {
            Responses.text(ex, 503, "tether-gateway is not " + what + ".");
        }
    }
}
