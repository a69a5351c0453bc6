/**
 * Alert rules and the alert lifecycle, as pure logic (no I/O).
 *
 * <p>What enters: readings ({@code onReading}: station, profile, metric, reading time, value; derived series
 * included), station status events ({@code onStatus}), timer ticks ({@code tick}), operator acknowledgements
 * and rule changes. What leaves: {@link io.agrisense.platform.alert.AlertTransition}s (FIRING, ACKNOWLEDGED,
 * RESOLVED) for the I/O layers to persist, publish on {@code agri/v1/<id>/alerts}, push over SSE and webhooks,
 * and, on FIRING, the rule's {@link io.agrisense.platform.alert.DownlinkCommand}.
 *
 * <p>Rules are {@link io.agrisense.platform.alert.RuleDefinition}s, read from YAML
 * ({@code alert-rules/defaults.yaml}) or JSON (the rules API) by {@link io.agrisense.platform.alert.RuleCodec}
 * and checked by {@link io.agrisense.platform.alert.RuleValidator} with field-level errors; a
 * {@link io.agrisense.platform.alert.RuleBook} holds a valid set and resolves scope and per-station overrides.
 * {@link io.agrisense.platform.alert.AlertEngine} evaluates them; its {@link io.agrisense.platform.alert.EngineSnapshot}
 * survives restarts. {@code alert.runtime} runs it inside the platform (ingest stream, timer, journal, outbox),
 * {@code alert.api} serves alerts and rules over HTTP, {@code notify} publishes on MQTT, SSE and webhooks.
 */
package io.agrisense.platform.alert;
