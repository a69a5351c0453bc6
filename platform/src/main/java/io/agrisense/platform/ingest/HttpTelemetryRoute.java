package io.agrisense.platform.ingest;

import io.agrisense.platform.http.Responses;
import io.agrisense.platform.http.RouteContributor;
import io.agrisense.platform.store.MessageOutcome;
import io.agrisense.platform.store.MessageRows;
import io.agrisense.platform.store.RejectReason;
import io.agrisense.platform.store.Rejection;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.SenmlFormat;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code POST /api/v1/stations/<id>/telemetry}: SenML JSON (or CBOR) through the same pipeline as MQTT.
 * Answers 200 only after the readings are committed, with counts of stored, duplicate and rejected readings;
 * 400 for a malformed pack and 413 for a too large body (both recorded as rejected), 503 when the database is
 * not committing (retrying is safe: writes are idempotent).
 */
public final class HttpTelemetryRoute implements RouteContributor {

    public static final String PATH = "/api/v1/stations/:id/telemetry";

    private final Vertx vertx;
    private final IngestPipeline pipeline;
    private final IngestBatcher batcher;
    private final Clock clock;
    private final int bodyLimit;
    private final Duration timeout;

    public HttpTelemetryRoute(Vertx vertx, IngestPipeline pipeline, IngestBatcher batcher, Clock clock, int bodyLimit,
                              Duration timeout) {
        this.vertx = vertx;
        this.pipeline = pipeline;
        this.batcher = batcher;
        this.clock = clock;
        this.bodyLimit = bodyLimit;
        this.timeout = timeout;
    }

    @Override
    public void mount(Router router) {
        router.post(PATH)
                .handler(BodyHandler.create(false).setBodyLimit(bodyLimit))
                .handler(this::ingest)
                .failureHandler(this::tooLarge);
    }

    private void ingest(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        SenmlFormat format;
        try {
            format = format(ctx.request().getHeader("Content-Type"));
        } catch (IllegalArgumentException e) {
            Responses.error(ctx, 415, e.getMessage());
            return;
        }
        byte[] payload = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        IngestPipeline.Prepared prepared = pipeline.fromRequest(Source.HTTP, id, payload, format, clock.instant());
        answerAfterCommit(ctx, batcher.submit(prepared.rows()), prepared.refusal());
    }

    /** 413 from the body handler: record the refusal (nothing of the body is kept), then answer. */
    private void tooLarge(RoutingContext ctx) {
        if (ctx.statusCode() != 413) {
            ctx.next();
            return;
        }
        String id = ctx.pathParam("id");
        String station = StationId.isValid(id) ? id : null;
        String reason = "request body larger than the limit of " + bodyLimit + " bytes";
        Rejection r = Rejection.ofMessage(id, RejectReason.TOO_LARGE, reason);
        CompletableFuture<MessageOutcome> done = batcher.submit(
                MessageRows.rejected(Source.HTTP.label(), clock.instant(), station, null, r));
        answerAfterCommit(ctx, done, r);
    }

    private void answerAfterCommit(RoutingContext ctx, CompletableFuture<MessageOutcome> done, Rejection refusal) {
        Context context = vertx.getOrCreateContext();
        AtomicBoolean answered = new AtomicBoolean();
        long timer = vertx.setTimer(timeout.toMillis(), t -> {
            if (answered.compareAndSet(false, true)) {
                ctx.response().putHeader("Retry-After", "5");
                Responses.error(ctx, 503, "the readings were not committed within " + timeout.toSeconds()
                        + " s (database unavailable?); retrying is safe");
            }
        });
        done.whenComplete((outcome, error) -> context.runOnContext(v -> {
            vertx.cancelTimer(timer);
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                ctx.response().putHeader("Retry-After", "5");
                Responses.error(ctx, 503, "not stored: " + cause.getMessage());
            } else if (refusal != null) {
                int status = refusal.code() == RejectReason.TOO_LARGE ? 413 : 400;
                Responses.json(ctx, status, body(outcome).put("error", refusal.reason()));
            } else {
                Responses.json(ctx, 200, body(outcome));
            }
        }));
    }

    /** {@code {"stored":n,"duplicates":n,"rejected":n,"rejections":[{"metric","time","value","reason_code","reason"}]}}. */
    static JsonObject body(MessageOutcome o) {
        JsonArray rejections = new JsonArray();
        for (Rejection r : o.rejections()) {
            rejections.add(new JsonObject()
                    .put("metric", r.metric())
                    .put("time", r.time() == null ? null : r.time().toString())
                    .put("value", r.value())
                    .put("reason_code", r.code().code())
                    .put("reason", r.reason()));
        }
        return new JsonObject()
                .put("stored", o.stored().size())
                .put("duplicates", o.duplicates())
                .put("events", o.events().size())
                .put("rejected", o.rejections().size())
                .put("rejections", rejections);
    }

    /** The SenML representation named by a Content-Type; null (tell by the first byte) when there is none. */
    static SenmlFormat format(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/senml+json", "application/json" -> SenmlFormat.JSON;
            case "application/senml+cbor", "application/cbor" -> SenmlFormat.CBOR;
            default -> throw new IllegalArgumentException("unsupported content type '" + type
                    + "': send application/senml+json or application/senml+cbor");
        };
    }

}
