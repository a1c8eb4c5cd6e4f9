package dev.tether.agent.instrument.httpserver;

import dev.tether.agent.bootstrap.TetherBridge;
import dev.tether.agent.instrument.TypeInstrumentation;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

import javax.servlet.DispatcherType;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * {@code javax.servlet.http.HttpServlet.service(ServletRequest, ServletResponse)}: every request a servlet
 * container hands to an {@code HttpServlet}. A forward or include, or a subclass calling
 * {@code super.service}, nests inside the outermost call, which alone is counted; the container's async and
 * error dispatches of a request already counted are not counted again. See {@link JakartaServletInstrumentation}
 * for {@code jakarta.servlet}: the same advice against the other package.
 */
public final class JavaxServletInstrumentation implements TypeInstrumentation {
    @Override
    public ElementMatcher<? super TypeDescription> types() {
        return named("javax.servlet.http.HttpServlet");
    }

    @Override
    public ElementMatcher<? super MethodDescription> methods() {
        return named("service").and(takesArguments(2)).and(takesArgument(0, named("javax.servlet.ServletRequest")));
    }

    @Override
    public String adviceClassName() {
        return "dev.tether.agent.instrument.httpserver.JavaxServletInstrumentation$ServiceAdvice";
    }

    /**
     * Route: for a prefix mapping ({@code /api/*}, path info present) the context path and the servlet path;
     * otherwise (exact, extension and default mappings, whose servlet path is the whole path in the app) the
     * context path, or in the root context the servlet path's first segment.
     */
    public static final class ServiceAdvice {
        private ServiceAdvice() {
        }

        /** Reads the request as the client sent it: a forward or an async dispatch changes its paths later. */
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static long enter(@Advice.Argument(0) ServletRequest request, @Advice.Local("contextPath") String contextPath,
                @Advice.Local("path") String path) {
            long start = TetherBridge.enter(TetherBridge.HTTP_SERVER);
            if (start != -1L && request instanceof HttpServletRequest) {
                HttpServletRequest req = (HttpServletRequest) request;
                DispatcherType dispatch = req.getDispatcherType();
                if (dispatch != DispatcherType.ASYNC && dispatch != DispatcherType.ERROR) {
                    String servletPath = req.getServletPath();
                    String pathInfo = req.getPathInfo();
                    contextPath = pathInfo == null ? req.getContextPath() : req.getContextPath().concat(servletPath);
                    path = pathInfo == null ? servletPath : pathInfo;
                }
            }
            return start;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.Enter long start, @Advice.Argument(0) ServletRequest request,
                @Advice.Argument(1) ServletResponse response, @Advice.Local("contextPath") String contextPath,
                @Advice.Local("path") String path, @Advice.Thrown Throwable thrown) {
            if (TetherBridge.exit(TetherBridge.HTTP_SERVER, start) && path != null && response instanceof HttpServletResponse) {
                TetherBridge.httpServer(start, ((HttpServletRequest) request).getMethod(), ((HttpServletResponse) response).getStatus(),
                        contextPath, path, thrown);
            }
        }
    }
}
