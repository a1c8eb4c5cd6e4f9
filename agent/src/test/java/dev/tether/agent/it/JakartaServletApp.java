package dev.tether.agent.it;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.handlers.PathHandler;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;

/** Embedded Undertow ({@code jakarta.servlet}) serving {@link ServletTraffic}, the same servlets as {@link JavaxServletApp}. */
final class JakartaServletApp {
    private JakartaServletApp() {
    }

    static void run() throws Exception {
        // Undertow logs through JBoss Logging, which would pick Log4j 2 before Logback.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        InstrumentedApp.quietLogback("io.undertow", "org.xnio", "org.jboss");
        DeploymentInfo root = deployment("/", "root")
                .addServlets(Servlets.servlet("api", Api.class).addMapping("/api/*"),
                        Servlets.servlet("boom", Boom.class).addMapping("/boom"),
                        Servlets.servlet("forward", Forward.class).addMapping("/old/*"),
                        Servlets.servlet("include", Include.class).addMapping("/page"),
                        Servlets.servlet("async", Async.class).addMapping("/async").setAsyncSupported(true),
                        Servlets.servlet("later", Later.class).addMapping("/later").setAsyncSupported(true),
                        Servlets.servlet("wrapped", Wrapped.class).addMapping("/wrapped"))
                .addFilter(Servlets.filter("rethrow", Rethrow.class))
                .addFilterUrlMapping("rethrow", "/boom", DispatcherType.REQUEST);
        DeploymentInfo shop = deployment("/shop", "shop")
                .addServlets(Servlets.servlet("default", Ok.class).addMapping("/"),
                        Servlets.servlet("admin", Ok.class).addMapping("/admin/*"));
        PathHandler paths = Handlers.path(start(root)).addPrefixPath("/shop", start(shop));
        Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(paths).build();
        server.start();
        try {
            int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
            ServletTraffic.drive("http://127.0.0.1:" + port);
        } finally {
            server.stop();
        }
    }

    private static DeploymentInfo deployment(String contextPath, String name) {
        return Servlets.deployment().setClassLoader(JakartaServletApp.class.getClassLoader())
                .setContextPath(contextPath).setDeploymentName(name);
    }

    private static io.undertow.server.HttpHandler start(DeploymentInfo deployment) throws ServletException {
        DeploymentManager manager = Servlets.defaultContainer().addDeployment(deployment);
        manager.deploy();
        return manager.start();
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
