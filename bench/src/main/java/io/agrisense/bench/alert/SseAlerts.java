package io.agrisense.bench.alert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Receives the probe stations' alerts on {@code GET /api/v1/stream?station=<id>} like a dashboard watching one
 * station: one connection and reader thread per probe, {@code event: alert} into that station's inbox.
 */
final class SseAlerts implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, AlertInbox> inboxes = new HashMap<>();
    private final List<InputStream> bodies = new ArrayList<>();

    SseAlerts(URI apiBase, List<String> stations) throws IOException, InterruptedException {
        for (String station : stations) {
            AlertInbox inbox = new AlertInbox();
            inboxes.put(station, inbox);
            open(apiBase.resolve("/api/v1/stream?station=" + station), station, inbox);
        }
    }

    private void open(URI uri, String station, AlertInbox inbox) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException(uri + " answered " + response.statusCode());
        }
        bodies.add(response.body());
        CountDownLatch connected = new CountDownLatch(1);
        Thread reader = new Thread(() -> read(response.body(), inbox, connected), "bench-sse-" + station);
        reader.setDaemon(true);
        reader.start();
        if (!connected.await(10, TimeUnit.SECONDS)) {
            throw new IOException(uri + " did not send its ': connected' comment within 10 s");
        }
    }

    private static void read(InputStream body, AlertInbox inbox, CountDownLatch connected) {
        SseParser parser = new SseParser();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith(": connected")) {
                    connected.countDown();
                }
                Optional<SseParser.Event> event = parser.line(line);
                if (event.isPresent() && event.get().name().equals("alert")) {
                    long arrived = System.nanoTime();
                    try {
                        inbox.deliver(AlertEvent.parse(arrived, event.get().data()));
                    } catch (RuntimeException e) {
                        inbox.unreadable();
                    }
                }
            }
        } catch (IOException e) {
            // the stream was closed
        }
    }

    AlertInbox inbox(String station) {
        return inboxes.get(station);
    }

    @Override
    public void close() {
        for (InputStream body : bodies) {
            try {
                body.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
