package io.agrisense.bench.alert;

import io.agrisense.link.mqtt.MqttConnection;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlPackBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * One probe station, its own MQTT connection: each cycle publishes a dissolved-oxygen reading below the probe
 * rule's raise level, waits for the firing alert on MQTT and on SSE, then publishes a reading above the clear
 * level and waits for the resolution on both (the rule has one active alert per station, so it must clear before
 * the next cycle). Every latency is measured from {@link System#nanoTime()} just before the publish.
 */
final class ProbeStation {

    /** When and how long to probe: warm-up cycles until {@code warmupEndNanos}, then measured ones. */
    record Schedule(long warmupEndNanos, long endNanos, int measuredCycles, Duration timeout, Duration pause) {

        boolean more(long nowNanos, int measuredSoFar) {
            return measuredCycles > 0 ? measuredSoFar < measuredCycles : nowNanos < endNanos;
        }
    }

    /** Where the probe's alerts and telemetry are watched. */
    record Watchers(AlertInbox mqtt, AlertInbox sse, TelemetryTap tap) {
    }

    private final String station;
    private final String ruleId;
    private final MqttConnection client;
    private final Watchers watchers;
    private final String topic;
    private long lastMillis;

    ProbeStation(String station, String ruleId, MqttConnection client, Watchers watchers) {
        this.station = station;
        this.ruleId = ruleId;
        this.client = client;
        this.watchers = watchers;
        this.topic = Topics.telemetry(StationId.of(station));
    }

    List<CycleResult> run(Schedule schedule) throws InterruptedException, MqttException {
        List<CycleResult> results = new ArrayList<>();
        int measured = 0;
        for (long cycle = 0; schedule.more(System.nanoTime(), measured); cycle++) {
            boolean counts = System.nanoTime() >= schedule.warmupEndNanos();
            results.add(cycle(cycle, counts, schedule.timeout()));
            if (counts) {
                measured++;
            }
            Thread.sleep(schedule.pause().toMillis());
        }
        return results;
    }

    private CycleResult cycle(long cycle, boolean measured, Duration timeout) throws InterruptedException, MqttException {
        double low = ProbeValues.low(cycle);
        CompletableFuture<Long> tapLow = watchers.tap().expect(station, low);
        long sentLow = publish(low);
        long deadline = sentLow + timeout.toNanos();
        Optional<AlertEvent> mqttFiring = watchers.mqtt().await(e -> e.firing(station, ruleId), deadline);
        Optional<AlertEvent> sseFiring = watchers.sse().await(e -> e.firing(station, ruleId), deadline);

        double recovery = ProbeValues.recovery(cycle);
        CompletableFuture<Long> tapRecovery = watchers.tap().expect(station, recovery);
        long sentRecovery = publish(recovery);
        deadline = sentRecovery + timeout.toNanos();
        Optional<AlertEvent> mqttResolved = watchers.mqtt().await(e -> e.resolved(station, ruleId), deadline);
        Optional<AlertEvent> sseResolved = watchers.sse().await(e -> e.resolved(station, ruleId), deadline);

        String firedId = mqttFiring.or(() -> sseFiring).map(AlertEvent::id).orElse(null);
        boolean sameAlert = firedId != null && mqttResolved.or(() -> sseResolved).map(e -> firedId.equals(e.id())).orElse(false);
        return new CycleResult(station, cycle, measured, low, recovery,
                since(sentLow, arrival(tapLow, sentLow, timeout)), since(sentRecovery, arrival(tapRecovery, sentRecovery, timeout)),
                since(sentLow, mqttFiring), mqttFiring.map(AlertEvent::value).orElse(null),
                since(sentLow, sseFiring), sseFiring.map(AlertEvent::value).orElse(null),
                mqttFiring.or(() -> sseFiring).map(AlertEvent::latencyMs).map(ms -> Math.round(ms * 1e6)).orElse(CycleResult.MISSING),
                since(sentRecovery, mqttResolved), mqttResolved.map(AlertEvent::resolveValue).orElse(null),
                since(sentRecovery, sseResolved), sseResolved.map(AlertEvent::resolveValue).orElse(null),
                sameAlert);
    }

    /** Publishes one reading now (QoS 1, not waiting for the PUBACK) and returns the send time. */
    private long publish(double value) throws MqttException {
        long millis = Math.max(System.currentTimeMillis(), lastMillis + 1); // (station, metric, time) is unique
        lastMillis = millis;
        byte[] pack = Senml.encode(SenmlPackBuilder.forStation(StationId.of(station))
                .add("dissolved_oxygen", "mg/L", millis / 1000.0, value).build(), SenmlFormat.JSON);
        long sent = System.nanoTime();
        client.publish(topic, pack, 1, false, null);
        return sent;
    }

    /** The tap's arrival, waited for a little after the alert (the tap and the platform are separate subscribers). */
    private static long arrival(CompletableFuture<Long> tap, long sent, Duration timeout) throws InterruptedException {
        long left = Math.max(0, sent + timeout.toNanos() - System.nanoTime());
        try {
            return tap.get(Math.max(left, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return CycleResult.MISSING;
        }
    }

    private static long since(long sent, long arrived) {
        return arrived == CycleResult.MISSING ? CycleResult.MISSING : Math.max(0, arrived - sent);
    }

    private static long since(long sent, Optional<AlertEvent> event) {
        return event.map(e -> Math.max(0, e.arrivedNanos() - sent)).orElse(CycleResult.MISSING);
    }
}
