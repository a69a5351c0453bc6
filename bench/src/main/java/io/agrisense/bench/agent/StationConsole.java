package io.agrisense.bench.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agrisense.link.mqtt.MqttConnection;
import io.agrisense.link.mqtt.MqttSettings;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The benchmark's side of the station, connected straight to the broker (never through the relay): a QoS 1
 * subscriber that decodes every telemetry pack into the {@link ReadingLedger}, and a command client that sends
 * {@code agri/v1/<id>/commands/<id>} and waits for the agent's reply.
 */
final class StationConsole implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MqttConnection client;
    private final StationId station;
    private final ReadingLedger ledger;
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong commandIds = new AtomicLong();
    private final AtomicLong undecodable = new AtomicLong();
    private volatile String lastUndecodable;

    private StationConsole(StationId station, ReadingLedger ledger) {
        this.station = station;
        this.ledger = ledger;
    }

    static StationConsole connect(String brokerUrl, StationId station, ReadingLedger ledger) throws MqttException {
        StationConsole console = new StationConsole(station, ledger);
        console.client = new MqttConnection(MqttSettings.builder(brokerUrl, "bench-agent-console-"
                + UUID.randomUUID().toString().substring(0, 8)).receiveMaximum(1000).noReconnect().build(), console.events());
        console.client.connect(Duration.ofSeconds(10));
        console.client.subscribe(1, Topics.telemetry(station), "agri/v1/" + station.value() + "/replies/+")
                .waitForCompletion(10_000);
        return console;
    }

    long undecodablePacks() {
        return undecodable.get();
    }

    Optional<String> lastUndecodable() {
        return Optional.ofNullable(lastUndecodable);
    }

    /** Sends a command and returns the agent's {@code result} (an error reply or no reply in time throws). */
    JsonNode command(ObjectNode command, Duration timeout) throws Exception {
        String id = "bench" + commandIds.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            client.publish(Topics.command(station, id), command.toString().getBytes(StandardCharsets.UTF_8), 1, false, null);
            JsonNode r = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!"ok".equals(r.path("status").asText())) {
                throw new IllegalStateException("agent refused " + command + ": " + r);
            }
            return r.path("result");
        } finally {
            pending.remove(id);
        }
    }

    /** The station's status, retrying until the agent answers (it does not while its link is down). */
    JsonNode statusWhenReachable(Duration patience) throws Exception {
        return commandWhenReachable(JSON.createObjectNode().put("command", "status"), patience);
    }

    /** Sets a sensor's interval, retrying while the link is down (the command is idempotent). */
    void setInterval(String sensor, String interval, Duration patience) throws Exception {
        commandWhenReachable(JSON.createObjectNode().put("command", "set_interval").put("sensor", sensor)
                .put("interval", interval), patience);
    }

    /** Commands are not queued for an offline station, so one sent while the link is down is sent again. */
    private JsonNode commandWhenReachable(ObjectNode command, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return command(command, Duration.ofSeconds(2));
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("the agent did not answer " + command + " within " + patience);
                }
            }
        }
    }

    private MqttConnection.Events events() {
        return new MqttConnection.Events() {
            @Override
            public void connected(MqttConnection c) {
            }

            @Override
            public void message(String topic, MqttMessage message) {
                long now = System.currentTimeMillis();
                if (topic.endsWith("/telemetry")) {
                    try {
                        ledger.accept(Senml.decodeAndResolve(message.getPayload(), now / 1000.0), now);
                    } catch (SenmlException | RuntimeException e) {
                        undecodable.incrementAndGet();
                        lastUndecodable = e.toString();
                    }
                    return;
                }
                String id = topic.substring(topic.lastIndexOf('/') + 1);
                CompletableFuture<JsonNode> reply = pending.get(id);
                if (reply != null) {
                    try {
                        reply.complete(JSON.readTree(message.getPayload()));
                    } catch (java.io.IOException e) {
                        reply.completeExceptionally(e);
                    }
                }
            }

            @Override
            public void disconnected(String reason) {
                pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException(
                        "the benchmark's own connection to the broker dropped: " + reason)));
            }
        };
    }

    @Override
    public void close() {
        client.close();
    }
}
