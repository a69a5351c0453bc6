package io.agrisense.platform.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** POSTs an alert change to a webhook, asynchronously; a 2xx answer within the timeout is a delivery. */
final class WebhookSender {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    CompletableFuture<Void> post(String url, String json, UUID eventId, Duration timeout) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header(IDEMPOTENCY_KEY, eventId.toString())
                    .header("User-Agent", "AgriSense-platform")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(r -> {
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("HTTP " + r.statusCode() + " from " + url);
            }
            return null;
        });
    }
}
