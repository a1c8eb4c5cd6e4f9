package dev.tether.agent.it;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

import javax.servlet.AsyncContext;
import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.EnumSet;

/** Embedded Jetty 9 ({@code javax.servlet}) serving {@link ServletTraffic}. */
final class JavaxServletApp {
    private JavaxServletApp() {
    }

    static void run() throws Exception {
        InstrumentedApp.quietLogback("org.eclipse.jetty");
        Server server = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ServletContextHandler root = new ServletContextHandler();
        root.setContextPath("/");
        root.addServlet(Api.class, "/api/*");
        root.addServlet(Boom.class, "/boom");
        root.addFilter(new FilterHolder(new Rethrow()), "/boom", EnumSet.of(DispatcherType.REQUEST));
        root.addServlet(Forward.class, "/old/*");
        root.addServlet(Include.class, "/page");
        ServletHolder async = new ServletHolder(new Async());
        async.setAsyncSupported(true);
        root.addServlet(async, "/async");
        ServletHolder later = new ServletHolder(new Later());
        later.setAsyncSupported(true);
        root.addServlet(later, "/later");
        root.addServlet(Wrapped.class, "/wrapped");
        ServletContextHandler shop = new ServletContextHandler();
        shop.setContextPath("/shop");
        shop.addServlet(Ok.class, "/");
        shop.addServlet(Ok.class, "/admin/*");
        server.setHandler(new ContextHandlerCollection(root, shop));
        server.start();
        try {
            ServletTraffic.drive("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
        } finally {
            server.stop();
        }
    }

    public static final class Api extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print("api " + req.getPathInfo() + " ");
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setStatus(201);
            resp.getWriter().print("created");
        }

        @Override
        protected void doDelete(HttpServletRequest req, HttpServletResponse resp) {
            resp.setStatus(204);
        }
    }

    public static final class Boom extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            throw new IllegalStateException("boom from the servlet");
        }
    }

    /** What the servlet threw reaches the app's own filter unchanged. */
    public static final class Rethrow implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
            try {
                chain.doFilter(req, resp);
            } catch (RuntimeException e) {
                System.out.println("filter caught " + e.getClass().getName() + ": " + e.getMessage());
                throw e;
            }
        }
    }

    public static final class Forward extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
            req.getRequestDispatcher("/api/moved").forward(req, resp);
        }
    }

    public static final class Include extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
            resp.getWriter().print("page[");
            req.getRequestDispatcher("/api/fragment").include(req, resp);
            resp.getWriter().print("]");
        }
    }

    public static final class Async extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            req.startAsync().dispatch("/api/async");
        }
    }

    /** Answers from another thread, 150 ms later, with a 503: recorded when it completes. */
    public static final class Later extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            AsyncContext async = req.startAsync();
            new Thread(() -> {
                try {
                    Thread.sleep(150);
                    HttpServletResponse response = (HttpServletResponse) async.getResponse();
                    response.setStatus(503);
                    response.getWriter().print("later");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    async.complete();
                }
            }).start();
        }
    }

    public static final class Wrapped extends HttpServlet {
        @Override
        public void service(ServletRequest req, ServletResponse res) throws ServletException, IOException {
            super.service(req, res);
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print("wrapped");
        }
    }

    public static final class Ok extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print("ok " + req.getContextPath() + " " + req.getServletPath());
        }
    }
}
