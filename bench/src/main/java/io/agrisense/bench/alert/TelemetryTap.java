package io.agrisense.bench.alert;

import io.agrisense.link.mqtt.MqttConnection;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import io.agrisense.protocol.senml.ResolvedRecord;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * The raw limit: a plain subscriber on the probes' telemetry topics, next to the platform's own subscription, so
 * the same probe message's broker publish-to-subscribe time is measured under the same load. A probe says which
 * value it is about to send; the tap completes that expectation with the arrival time.
 */
final class TelemetryTap implements AutoCloseable {

    private final Map<String, CompletableFuture<Long>> expected = new ConcurrentHashMap<>();
    private final AtomicLong unexpected = new AtomicLong();
    private final MqttConnection client;

    TelemetryTap(String serverUri, List<String> stations) throws MqttException {
        String[] topics = stations.stream().map(s -> Topics.telemetry(StationId.of(s))).toArray(String[]::new);
        client = MqttConnections.subscribe(serverUri, "agri-bench-tap", this::received, topics);
    }

    /** Completes with the {@link System#nanoTime()} at which the tap received {@code value} from {@code station}. */
    CompletableFuture<Long> expect(String station, double value) {
        CompletableFuture<Long> arrival = new CompletableFuture<>();
        expected.put(key(station, value), arrival);
        return arrival;
    }

    private void received(String topic, byte[] payload, long arrivedNanos) {
        String station = Topics.parse(topic).map(t -> t.station().value()).orElse(null);
        try {
            for (ResolvedRecord r : Senml.decodeAndResolve(payload, System.currentTimeMillis() / 1000.0)) {
                CompletableFuture<Long> arrival = r.value() == null ? null : expected.remove(key(station, r.value()));
                if (arrival != null) {
                    arrival.complete(arrivedNanos);
                    return;
                }
            }
        } catch (SenmlException e) {
            // counted below
        }
        unexpected.incrementAndGet();
    }

    /** Probe messages the tap received without an expectation (recoveries, repeats). */
    long unexpected() {
        return unexpected.get();
    }

    private static String key(String station, double value) {
        return station + "|" + value;
    }

    @Override
    public void close() {
        MqttConnections.close(client);
    }
}
