package io.agrisense.edge.testing;

import io.agrisense.embedded.testkit.MqttTestSubscriber;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import io.agrisense.protocol.senml.ResolvedRecord;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * What one station exchanges with the broker, seen through the test kit's {@link MqttTestSubscriber}: its telemetry
 * resolved to SenML records, its retained status, its command replies; and a way to send it commands.
 */
public final class StationTraffic implements AutoCloseable {

    private final MqttTestSubscriber mqtt;
    private final StationId station;

    /** {@code persistentSession}: the broker keeps the subscription and queues messages while this client is away. */
    public StationTraffic(String serverUri, StationId station, boolean persistentSession) throws MqttException {
        this(serverUri, station, persistentSession, null);
    }

    /** {@code tls}: the socket factory for an {@code ssl://} broker, or null. */
    public StationTraffic(String serverUri, StationId station, boolean persistentSession, SocketFactory tls)
            throws MqttException {
        this(serverUri, station, persistentSession, tls, null, null);
    }

    /** {@code username}/{@code password}: credentials for a broker that checks them, or null. */
    public StationTraffic(String serverUri, StationId station, boolean persistentSession, SocketFactory tls,
                          String username, String password) throws MqttException {
        this.station = station;
        MqttTestSubscriber.Builder b = MqttTestSubscriber.builder(serverUri).persistentSession(persistentSession).tls(tls);
        if (username != null) {
            b.credentials(username, password);
        }
        this.mqtt = b.subscribe(Topics.telemetry(station), Topics.status(station), "agri/v1/" + station.value() + "/replies/+");
    }

    /** Every telemetry record received, resolved (RFC 8428 §4.6), in arrival order. */
    public List<ResolvedRecord> records() {
        List<ResolvedRecord> out = new ArrayList<>();
        for (MqttTestSubscriber.Message m : mqtt.on(Topics.telemetry(station))) {
            try {
                out.addAll(Senml.decodeAndResolve(m.payload(), 0));
            } catch (SenmlException e) {
                throw new AssertionError("the station sent a pack that is not SenML: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Telemetry messages received (the broker's redeliveries to this subscriber not counted). */
    public int messages() {
        return mqtt.on(Topics.telemetry(station)).size();
    }

    public int brokerRedeliveries() {
        return mqtt.brokerRedeliveries();
    }

    public List<String> statuses() {
        return mqtt.on(Topics.status(station)).stream().map(MqttTestSubscriber.Message::text).toList();
    }

    /** The last reply per command id. */
    public Map<String, String> replies() {
        Map<String, String> out = new LinkedHashMap<>();
        for (MqttTestSubscriber.Message m : replyMessages()) {
            out.put(commandId(m), m.text());
        }
        return out;
    }

    /** Every reply as "{@code <command id> <json>}", in arrival order. */
    public List<String> replyLog() {
        return replyMessages().stream().map(m -> commandId(m) + " " + m.text()).toList();
    }

    private List<MqttTestSubscriber.Message> replyMessages() {
        return mqtt.all().stream().filter(m -> Topics.parse(m.topic()).map(t -> t.kind() == Topics.Kind.REPLY).orElse(false))
                .toList();
    }

    private static String commandId(MqttTestSubscriber.Message m) {
        return Topics.parse(m.topic()).orElseThrow().commandId();
    }

    /** Values of one metric in arrival order. */
    public List<Double> values(String metric) {
        return recordsOf(metric).stream().map(ResolvedRecord::value).toList();
    }

    public List<ResolvedRecord> recordsOf(String metric) {
        String name = station.baseName() + metric;
        return records().stream().filter(r -> r.name().equals(name)).toList();
    }

    public void command(String commandId, String json) throws MqttException {
        mqtt.publish(Topics.command(station, commandId), json.getBytes(StandardCharsets.UTF_8));
    }

    public boolean isConnected() {
        return mqtt.isConnected();
    }

    @Override
    public void close() throws MqttException {
        mqtt.close();
    }
}
