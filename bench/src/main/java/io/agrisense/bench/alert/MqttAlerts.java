package io.agrisense.bench.alert;

import io.agrisense.link.mqtt.MqttConnection;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.paho.mqttv5.common.MqttException;

/** Receives the probe stations' alerts on {@code agri/v1/<station>/alerts} like an operator's app would, one inbox per station. */
final class MqttAlerts implements AutoCloseable {

    private final Map<String, AlertInbox> inboxes;
    private final MqttConnection client;

    MqttAlerts(String serverUri, List<String> stations) throws MqttException {
        inboxes = stations.stream().collect(Collectors.toMap(Function.identity(), s -> new AlertInbox()));
        String[] topics = stations.stream().map(s -> Topics.alerts(StationId.of(s))).toArray(String[]::new);
        client = MqttConnections.subscribe(serverUri, "agri-bench-alerts", this::received, topics);
    }

    private void received(String topic, byte[] payload, long arrivedNanos) {
        Optional<Topics.Topic> parsed = Topics.parse(topic);
        AlertInbox inbox = parsed.map(t -> inboxes.get(t.station().value())).orElse(null);
        if (inbox == null) {
            return;
        }
        try {
            inbox.deliver(AlertEvent.parse(arrivedNanos, new String(payload, StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            inbox.unreadable();
        }
    }

    AlertInbox inbox(String station) {
        return inboxes.get(station);
    }

    @Override
    public void close() {
        MqttConnections.close(client);
    }
}
