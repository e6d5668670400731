package io.bulliontracker.spot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for the spot-price provider's {@code GET /v1/latest}, on a free port. Tests set what it
 * answers (status, body, delay) and read the query strings it was sent. It starts answering normal rates,
 * which is what the service's first scheduled run at start-up gets.
 */
public class ProviderStub implements QuarkusTestResourceLifecycleManager {

    /** XAU 0.000381 → 2624.67; XAG 0.0323 → 30.96; XPT 0.00105 → 952.38; XPD 0.00098 → 1020.41 per ounce. */
    public static final String NORMAL_RATES = """
            {"success": true, "base": "USD", "timestamp": 1736951400,
             "rates": {"XAU": 0.000381, "XAG": 0.0323, "XPT": 0.00105, "XPD": 0.00098, "USDXAU": 2624.67}}""";

    private static final List<String> QUERIES = new CopyOnWriteArrayList<>();
    private static volatile int status = 200;
    private static volatile String body = NORMAL_RATES;
    private static volatile String contentType = "application/json";
    private static volatile long delayMillis;

    private HttpServer server;
    private ExecutorService executor;

    public static void answer(int httpStatus, String json) {
        status = httpStatus;
        body = json;
        contentType = "application/json";
    }

    public static void answerHtml(String html) {
        answer(200, html);
        contentType = "text/html";
    }

    public static void delay(long millis) {
        delayMillis = millis;
    }

    public static void reset() {
        answer(200, NORMAL_RATES);
        delay(0);
        QUERIES.clear();
    }

    /** The decoded query string of each request received since the last reset. */
    public static List<String> queries() {
        return List.copyOf(QUERIES);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the provider stub", e);
        }
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "provider-stub");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/v1/latest", this::handle);
        server.start();
        return Map.of("bullion.spot.base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "bullion.spot.api-key", "test-key");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        QUERIES.add(query == null ? "" : URLDecoder.decode(query, StandardCharsets.UTF_8));
        try {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException | IOException e) {
            // The client gave up (a time-out): nobody is listening any more.
        } finally {
            exchange.close();
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
