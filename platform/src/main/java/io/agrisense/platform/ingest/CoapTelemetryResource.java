package io.agrisense.platform.ingest;

import io.agrisense.platform.store.MessageOutcome;
import io.agrisense.platform.store.MessageRows;
import io.agrisense.platform.store.RejectReason;
import io.agrisense.platform.store.Rejection;
import io.agrisense.protocol.CoapPaths;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.SenmlFormat;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;

/**
 * {@code POST /telemetry/<id>} (docs/architecture.md, "CoAP"): 2.04 after the readings are committed, 4.00 with a diagnostic
 * payload for bad input, 4.15 for a content-format other than 110/112, 4.13 for too large, 4.01/4.03 when
 * {@link StationAccess} refuses the sender. Any station id below {@code telemetry} is handled by this one resource.
 */
final class CoapTelemetryResource extends CoapResource {

    /** Whether the sender of a request may post for a station: null when it may, else the answer to give. */
    interface StationAccess {
        StationAccess ANYONE = (exchange, station) -> null;

        Refusal check(CoapExchange exchange, String station);

        record Refusal(ResponseCode code, String reason) {
        }
    }

    private final IngestPipeline pipeline;
    private final IngestBatcher batcher;
    private final Clock clock;
    private final Executor executor;
    private final int maxBodyBytes;
    private final Duration timeout;
    private final StationAccess access;

    CoapTelemetryResource(IngestPipeline pipeline, IngestBatcher batcher, Clock clock, Executor executor, int maxBodyBytes,
                          Duration timeout, StationAccess access) {
        super(CoapPaths.TELEMETRY);
        this.pipeline = pipeline;
        this.batcher = batcher;
        this.clock = clock;
        this.executor = executor;
        this.maxBodyBytes = maxBodyBytes;
        this.timeout = timeout;
        this.access = access;
        getAttributes().setTitle("SenML telemetry: POST /telemetry/<station id>");
    }

    /** Every child path ({@code /telemetry/<id>}) is served here; the id is read from the request. */
    @Override
    public Resource getChild(String name) {
        return this;
    }

    /** Handlers run on the executor given (a Vert.x context in the platform), not on Californium's threads. */
    @Override
    public Executor getExecutor() {
        return executor;
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        List<String> path = exchange.getRequestOptions().getUriPath();
        Optional<StationId> station = CoapPaths.parseTelemetry(path);
        if (station.isEmpty()) {
            String id = path.size() == 2 ? path.get(1) : null;
            exchange.respond(ResponseCode.BAD_REQUEST, id == null
                    ? "POST to /telemetry/<station id>"
                    : "station id '" + id + "' must be 1-64 characters of A-Z a-z 0-9 _ -");
            return;
        }
        String id = station.get().value();
        StationAccess.Refusal refused = access.check(exchange, id);
        if (refused != null) {
            exchange.respond(refused.code(), refused.reason());
            return;
        }
        int contentFormat = exchange.getRequestOptions().getContentFormat();
        SenmlFormat format = contentFormat == SenmlFormat.JSON.coapContentFormat() ? SenmlFormat.JSON
                : contentFormat == SenmlFormat.CBOR.coapContentFormat() ? SenmlFormat.CBOR : null;
        if (format == null) {
            exchange.respond(ResponseCode.UNSUPPORTED_CONTENT_FORMAT, "content-format " + contentFormat
                    + " is not supported: use 110 (application/senml+json) or 112 (application/senml+cbor)");
            return;
        }
        byte[] payload = exchange.getRequestPayload();
        if (payload.length > maxBodyBytes) {
            Rejection r = Rejection.ofMessage(id, RejectReason.TOO_LARGE,
                    "payload of " + payload.length + " bytes is larger than the limit of " + maxBodyBytes + " bytes");
            answer(exchange, batcher.submit(MessageRows.rejected(Source.COAP.label(), clock.instant(), id, null, r)), r);
            return;
        }
        IngestPipeline.Prepared prepared = pipeline.fromRequest(Source.COAP, id, payload, format, clock.instant());
        answer(exchange, batcher.submit(prepared.rows()), prepared.refusal());
    }

    private void answer(CoapExchange exchange, java.util.concurrent.CompletableFuture<MessageOutcome> done, Rejection refusal) {
        done.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((outcome, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, cause instanceof TimeoutException
                        ? "not committed within " + timeout.toSeconds() + " s; retrying is safe"
                        : "not stored: " + cause.getMessage());
            } else if (refusal != null) {
                exchange.respond(refusal.code() == RejectReason.TOO_LARGE ? ResponseCode.REQUEST_ENTITY_TOO_LARGE
                        : ResponseCode.BAD_REQUEST, refusal.reason());
            } else {
                exchange.respond(ResponseCode.CHANGED, HttpTelemetryRoute.body(outcome).encode().getBytes(StandardCharsets.UTF_8),
                        MediaTypeRegistry.APPLICATION_JSON);
            }
        });
    }
}
