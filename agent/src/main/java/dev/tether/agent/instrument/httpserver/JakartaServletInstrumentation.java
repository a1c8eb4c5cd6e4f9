package dev.tether.agent.instrument.httpserver;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.MethodSelector;
import dev.tether.agent.instrument.TypeFilter;
import dev.tether.agent.instrument.TypeInstrumentation;
import net.bytebuddy.asm.Advice;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;


/**
 * {@code jakarta.servlet.http.HttpServlet.service(ServletRequest, ServletResponse)}: every request a servlet
 * container hands to an {@code HttpServlet}. A forward or include, or a subclass calling
 * {@code super.service}, nests inside the outermost call, which alone is counted; the container's async and
 * error dispatches of a request already counted are not counted again. The same advice as
 * {@link JavaxServletInstrumentation}, against the other package.
 */
public final class JakartaServletInstrumentation implements TypeInstrumentation {
    @Override
    public TypeFilter types() {
        return TypeFilter.named("jakarta.servlet.http.HttpServlet");
    }

    @Override
    public MethodSelector methods() {
        return MethodSelector.named("service").arguments(2).argument(0, "jakarta.servlet.ServletRequest");
    }

    @Override
    public String adviceClassName() {
        return "dev.tether.agent.instrument.httpserver.JakartaServletInstrumentation$ServiceAdvice";
    }

    /** Route: as {@link JavaxServletInstrumentation.ServiceAdvice}. */
    public static final class ServiceAdvice implements AsyncListener {
        private final long start;
        private final String method;
        private final ServletResponse response;
        private final String contextPath;
        private final String rawPath;
        private volatile Throwable error;

        /** The listener of one asynchronous request: it records the request when it completes. */
        private ServiceAdvice(long start, String method, ServletResponse response, String contextPath, String rawPath) {
            this.start = start;
            this.method = method;
            this.response = response;
            this.contextPath = contextPath;
            this.rawPath = rawPath;
        }

        /**
         * Reads the request as the client sent it (a forward or an async dispatch changes its paths later)
         * and leaves its paths with the bridge, per thread, for {@link #exit}: only the outermost call does.
         */
        @Advice.OnMethodEnter
        public static long enter(@Advice.Argument(0) ServletRequest request) {
            long start = TetherBridge.enter(TetherBridge.HTTP_SERVER);
            try {
                if (start != -1L) {
                    // Set on every outermost call, so that nothing is left over from the thread's last request.
                    TetherBridge.httpServerPaths(null, null);
                    if (request instanceof HttpServletRequest) {
                        HttpServletRequest req = (HttpServletRequest) request;
                        DispatcherType dispatch = req.getDispatcherType();
                        if (dispatch != DispatcherType.ASYNC && dispatch != DispatcherType.ERROR) {
                            String servletPath = req.getServletPath();
                            String pathInfo = req.getPathInfo();
                            TetherBridge.httpServerPaths(pathInfo == null ? req.getContextPath() : req.getContextPath().concat(servletPath),
                                    pathInfo == null ? servletPath : pathInfo);
                        }
                    }
                }
            } catch (Throwable t) {
                TetherBridge.adviceFailed(t, TetherBridge.HTTP_SERVER);
            }
            return start;
        }

        /**
         * Records the request, or, when it went asynchronous ({@code startAsync} and no exception), leaves
         * an {@link AsyncListener} on it that records it when it completes, with its final status.
         */
        @Advice.OnMethodExit(onThrowable = Throwable.class)
        public static void exit(@Advice.Enter long start, @Advice.Argument(0) ServletRequest request,
                @Advice.Argument(1) ServletResponse response, @Advice.Thrown Throwable thrown) {
            try {
                if (TetherBridge.exit(TetherBridge.HTTP_SERVER, start) && response instanceof HttpServletResponse) {
                    String method = ((HttpServletRequest) request).getMethod();
                    if (thrown == null && request.isAsyncStarted()) {
                        String[] paths = TetherBridge.takeHttpServerPaths();
                        if (paths != null) {
                            request.getAsyncContext().addListener(new ServiceAdvice(start, method, response, paths[0], paths[1]));
                        }
                    } else {
                        TetherBridge.httpServerWithPaths(start, method, ((HttpServletResponse) response).getStatus(), thrown);
                    }
                }
            } catch (Throwable t) {
                TetherBridge.adviceFailed(t, TetherBridge.HTTP_SERVER);
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            try {
                TetherBridge.httpServer(start, method, ((HttpServletResponse) response).getStatus(), contextPath, rawPath, error);
            } catch (Throwable t) {
                TetherBridge.adviceFailed(t, TetherBridge.HTTP_SERVER);
            }
        }

        /** Kept for {@link #onComplete}, which the container calls after the error is handled. */
        @Override
        public void onError(AsyncEvent event) {
            error = event.getThrowable();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows, with the status the timeout left.
        }

        /** {@code startAsync} again drops the listeners: this one stays. */
        @Override
        public void onStartAsync(AsyncEvent event) {
            try {
                event.getAsyncContext().addListener(this);
            } catch (Throwable t) {
                TetherBridge.adviceFailed(t, TetherBridge.HTTP_SERVER);
            }
        }
    }
}
