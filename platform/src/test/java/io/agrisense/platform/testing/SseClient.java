package io.agrisense.platform.testing;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Reads {@code /api/v1/stream} like a dashboard: collects the events of one kind as JSON. */
public final class SseClient implements AutoCloseable {

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();

    public SseClient(Http http, String query, String event) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/stream" + query)).GET().build();
        response = http.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("stream answered " + response.statusCode());
        }
        CountDown connected = new CountDown();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String current = null;
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith(": connected")) {
                        connected.done();
                    } else if (line.startsWith("event: ")) {
                        current = line.substring(7);
                    } else if (line.startsWith("data: ") && event.equals(current)) {
                        events.add(new JsonObject(line.substring(6)));
                    }
                }
            } catch (Exception e) {
                // stream closed
            }
        }, "test-sse-reader");
        reader.setDaemon(true);
        reader.start();
        connected.await();
    }

    public JsonObject next(Predicate<JsonObject> which, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject e = events.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (e != null && which.test(e)) {
                return e;
            }
        }
        throw new AssertionError("no matching event within " + timeout);
    }

    @Override
    public void close() throws Exception {
        response.body().close();
    }

    private static final class CountDown {
        private final java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);

        void done() {
            latch.countDown();
        }

        void await() throws InterruptedException {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the live stream did not say it was connected");
            }
        }
    }
}
