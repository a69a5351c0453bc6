package io.agrisense.platform.alert.api;

import io.agrisense.platform.alert.FieldError;
import io.agrisense.platform.alert.InvalidRulesException;
import io.agrisense.platform.alert.RuleCodec;
import io.agrisense.platform.alert.RuleDefinition;
import io.agrisense.platform.alert.runtime.AlertEngineVerticle;
import io.agrisense.platform.alert.runtime.RuleLibrary;
import io.agrisense.platform.http.ApiException;
import io.agrisense.platform.http.Responses;
import io.agrisense.platform.http.RouteContributor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;

/**
 * Rules CRUD: {@code GET /api/v1/rules}, {@code GET /api/v1/rules/<id>}, {@code POST /api/v1/rules} (create; 409
 * when the id is in force), {@code PUT /api/v1/rules/<id>}, {@code DELETE /api/v1/rules/<id>}. Bodies are rule
 * definitions in JSON (the fields of {@code alert-rules/defaults.yaml}); an invalid one gets 400 with every
 * field-level error. Changes are stored, then take effect in the engine at once, and survive restarts.
 */
public final class RuleRoutes implements RouteContributor {

    private static final int BODY_LIMIT = 64 * 1024;
    /** Fields the API adds to a rule; ignored in request bodies. */
    static final List<String> READ_ONLY = List.of("origin", "created_at", "updated_at");

    private final AlertEngineVerticle engine;
    private final OperatorAccess access;

    public RuleRoutes(AlertEngineVerticle engine, OperatorAccess access) {
        this.engine = engine;
        this.access = access;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/v1/rules").handler(ctx -> {
            JsonArray rules = new JsonArray();
            engine.rules().entries().forEach(e -> rules.add(json(e)));
            Responses.json(ctx, 200, new JsonObject().put("rules", rules));
        });
        router.get("/api/v1/rules/:id").handler(ctx -> Responses.json(ctx, 200, json(engine.rules()
                .entry(ctx.pathParam("id")).orElseThrow(() -> ApiException.notFound("no rule '" + ctx.pathParam("id") + "'")))));
        router.post("/api/v1/rules").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
                .handler(ctx -> change(ctx, 201, () -> engine.createRule(rule(ctx, null))));
        router.put("/api/v1/rules/:id").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
                .handler(ctx -> change(ctx, 200, () -> engine.updateRule(rule(ctx, ctx.pathParam("id")))));
        router.delete("/api/v1/rules/:id").handler(ctx -> change(ctx, 204, () -> engine.deleteRule(ctx.pathParam("id"))));
    }

    private void change(RoutingContext ctx, int status, java.util.function.Supplier<Future<RuleLibrary.Entry>> change) {
        if (!access.allows(ctx, OperatorAccess.Action.CHANGE_RULES)) {
            throw new ApiException(403, OperatorAccess.Action.CHANGE_RULES.text() + " needs the operator role");
        }
        Future<RuleLibrary.Entry> done;
        try {
            done = change.get();
        } catch (InvalidRulesException e) {
            invalid(ctx, e);
            return;
        }
        done.onSuccess(entry -> {
            if (status == 204) {
                ctx.response().setStatusCode(204).end();
            } else {
                Responses.json(ctx, status, json(entry));
            }
        }).onFailure(e -> {
            if (e instanceof InvalidRulesException invalid) {
                invalid(ctx, invalid);
            } else if (e instanceof RuleLibrary.RefusedChange refused) {
                Responses.error(ctx, refused.status(), refused.getMessage());
            } else {
                Responses.failure(ctx, e);
            }
        });
    }

    /** The body as a validated rule; with a path id, the body's id must be absent or the same. */
    static RuleDefinition rule(RoutingContext ctx, String pathId) {
        String body = ctx.body() == null ? null : ctx.body().asString();
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("the body must be a rule definition in JSON, e.g. {\"id\": \"pond-do\", \"kind\": \"threshold\", ...}");
        }
        JsonObject json;
        try {
            json = new JsonObject(body);
        } catch (RuntimeException e) {
            return RuleCodec.readRuleJson(body); // reports the syntax error with its position
        }
        READ_ONLY.forEach(json::remove); // what GET adds, so a rule read can be sent back as it is
        body = json.encode();
        if (pathId != null) {
            Object id = json.getValue("id");
            if (id == null) {
                body = json.put("id", pathId).encode();
            } else if (!pathId.equals(id)) {
                throw new InvalidRulesException("rule", List.of(new FieldError("id",
                        "'" + id + "' differs from the rule in the path '" + pathId + "' (ids cannot be changed)")));
            }
        }
        return RuleCodec.readRuleJson(body);
    }

    static void invalid(RoutingContext ctx, InvalidRulesException e) {
        JsonArray errors = new JsonArray();
        for (FieldError f : e.errors()) {
            errors.add(new JsonObject().put("field", f.path()).put("message", f.message()));
        }
        Responses.json(ctx, 400, new JsonObject()
                .put("error", "invalid rule: " + e.errors().stream().map(FieldError::toString).reduce((a, b) -> a + "; " + b).orElse(""))
                .put("errors", errors));
    }

    static JsonObject json(RuleLibrary.Entry e) {
        return new JsonObject(RuleCodec.writeJson(e.definition()))
                .put("origin", e.origin().name().toLowerCase(java.util.Locale.ROOT))
                .put("created_at", e.createdAt() == null ? null : e.createdAt().toString())
                .put("updated_at", e.updatedAt() == null ? null : e.updatedAt().toString());
    }
}
