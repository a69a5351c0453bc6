package io.agrisense.link.localapi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local {@code /health} (JSON, 200 or 503) and {@code /metrics} (Prometheus text) of a station or gateway, for
 * an installer on site or a Prometheus on the farm network. The JDK's small HTTP server on one thread: a Pi has no
 * room for more, and a scrape every few seconds needs no more.
 */
public final class LocalApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalApi.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService thread;

    private LocalApi(HttpServer server, ExecutorService thread) {
        this.server = server;
        this.thread = thread;
    }

    /**
     * Serves on {@code settings}' host and port (0: any free port); {@code metricsText} is the Prometheus text
     * exposition of the moment (a Micrometer registry's {@code scrape()}).
     * @throws IllegalStateException when the port is taken, naming the setting to change
     */
    public static LocalApi start(LocalApiConfig settings, Supplier<String> metricsText, Supplier<HealthReport> health) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 16);
        } catch (BindException e) {
            throw new IllegalStateException("port " + settings.port() + " on " + settings.host()
                    + " is in use; change local_api.port", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve the local API on " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage(), e);
        }
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "agri-local-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(thread);
        server.createContext("/health", exchange -> {
            HealthReport report = health.get();
            respond(exchange, report.httpStatus(), "application/json", report.json());
        });
        server.createContext("/metrics", exchange -> respond(exchange, 200, PROMETHEUS_TEXT, metricsText.get()));
        server.createContext("/", exchange -> respond(exchange, 404, "text/plain", "only /health and /metrics here\n"));
        server.start();
        LocalApi api = new LocalApi(server, thread);
        LOG.info("Local API on http://{}:{}/health and /metrics", settings.host(), api.port());
        return api;
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        try (exchange) {
            boolean exact = exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath());
            if (!exact && status != 404) {
                status = 404;
                type = "text/plain";
                body = "not found\n";
            } else if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                status = 405;
                type = "text/plain";
                body = "GET only\n";
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    /** The port served (the real one when configured as 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}
