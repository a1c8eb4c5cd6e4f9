package dev.tether.agent.instrument.httpserver;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.MethodSelector;
import dev.tether.agent.instrument.TypeFilter;
import dev.tether.agent.instrument.TypeInstrumentation;
import net.bytebuddy.asm.Advice;

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
    public static final class ServiceAdvice {
        private ServiceAdvice() {
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

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        public static void exit(@Advice.Enter long start, @Advice.Argument(0) ServletRequest request,
                @Advice.Argument(1) ServletResponse response, @Advice.Thrown Throwable thrown) {
            try {
                if (TetherBridge.exit(TetherBridge.HTTP_SERVER, start) && response instanceof HttpServletResponse) {
                    TetherBridge.httpServerWithPaths(start, ((HttpServletRequest) request).getMethod(),
                            ((HttpServletResponse) response).getStatus(), thrown);
                }
            } catch (Throwable t) {
                TetherBridge.adviceFailed(t, TetherBridge.HTTP_SERVER);
            }
        }
    }
}
