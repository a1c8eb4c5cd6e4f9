package dev.tether.agent.instrument.recording;

import java.lang.reflect.Method;
import java.net.URI;

/**
 * Reads {@code java.net.http} requests and responses by reflection: the agent is compiled for Java 8,
 * which has no {@code java.net.http}. The methods are looked up once.
 */
final class HttpClientAccess {
    private volatile Method requestMethod;
    private volatile Method requestUri;
    private volatile Method statusCode;

    String method(Object request) throws ReflectiveOperationException {
        init(request);
        return (String) requestMethod.invoke(request);
    }

    URI uri(Object request) throws ReflectiveOperationException {
        init(request);
        return (URI) requestUri.invoke(request);
    }

    int status(Object response) throws ReflectiveOperationException {
        if (statusCode == null) {
            statusCode = Class.forName("java.net.http.HttpResponse", false, response.getClass().getClassLoader()).getMethod("statusCode");
        }
        return (Integer) statusCode.invoke(response);
    }

    private void init(Object request) throws ReflectiveOperationException {
        if (requestUri == null) {
            Class<?> type = Class.forName("java.net.http.HttpRequest", false, request.getClass().getClassLoader());
            requestMethod = type.getMethod("method");
            requestUri = type.getMethod("uri");
        }
    }
}
