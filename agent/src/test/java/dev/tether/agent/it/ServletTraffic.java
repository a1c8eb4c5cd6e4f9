package dev.tether.agent.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The requests {@link JavaxServletApp} and {@link JakartaServletApp} both serve, each answer printed as
 * {@code servlet <method> <path> <status> <body>}. Both apps map the same servlets:
 * <ul>
 *   <li>root context: {@code /api/*} (200, 201 on POST, 204 on DELETE), {@code /boom} (throws, behind a filter
 *       that reports and rethrows), {@code /old/*} (forwards to {@code /api/moved}), {@code /page} (includes
 *       {@code /api/fragment}), {@code /async} (starts async and dispatches to {@code /api/async}),
 *       {@code /wrapped} (overrides {@code service} and calls {@code super.service}); nothing else, so any
 *       other path gets the container's 404;</li>
 *   <li>context {@code /shop}: {@code /} (the default mapping) and {@code /admin/*}.</li>
 * </ul>
 */
final class ServletTraffic {
    private ServletTraffic() {
    }

    static void drive(String base) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        send(client, base, "GET", "/api/items/1");
        send(client, base, "GET", "/api/items/2");
        send(client, base, "POST", "/api/items");
        send(client, base, "DELETE", "/api/items/1");
        send(client, base, "GET", "/missing/x");
        send(client, base, "GET", "/boom");
        send(client, base, "GET", "/old/x");
        send(client, base, "GET", "/page");
        send(client, base, "GET", "/async");
        send(client, base, "GET", "/later");
        send(client, base, "GET", "/wrapped");
        send(client, base, "GET", "/shop/cart/1");
        send(client, base, "GET", "/shop/admin/users");
    }

    private static void send(HttpClient client, String base, String method, String path) throws Exception {
        HttpRequest.BodyPublisher body = method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).method(method, body).build(),
                HttpResponse.BodyHandlers.ofString());
        String text = response.statusCode() == 500 ? "(error page)" : response.body().trim();
        System.out.println("servlet " + method + " " + path + " " + response.statusCode() + " " + text);
    }
}
