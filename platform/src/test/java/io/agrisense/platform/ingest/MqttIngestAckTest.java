package io.agrisense.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.platform.config.ConfigLoader;
import io.agrisense.platform.config.PlatformConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.Test;

/** The MQTT ack step and connection settings, without a broker. */
class MqttIngestAckTest {

    private final List<Integer> acked = new CopyOnWriteArrayList<>();

    private MqttIngest ingest(PlatformConfig.Mqtt settings) {
        return new MqttIngest(settings, "tcp://127.0.0.1:1", new IngestPipeline(Duration.ofMinutes(5), 1024), null,
                Clock.systemUTC(), client -> (id, qos) -> acked.add(id));
    }

    private static PlatformConfig.Mqtt settings() {
        return ConfigLoader.fromYaml("mqtt:\n  clientId: platform-7\n  receiveMaximum: 12000\n", "t", java.util.Map.of()).mqtt();
    }

    @Test
    void acknowledgesQos1MessagesOfTheCurrentConnectionOnly() {
        MqttIngest ingest = ingest(settings());
        try {
            ingest.ack(11, 1, 0);
            ingest.ack(12, 0, 0);   // QoS 0 has no PUBACK
            ingest.ack(13, 1, 5);   // received on an earlier connection: the broker redelivers it instead
            assertThat(acked).containsExactly(11);
        } finally {
            ingest.close();
        }
    }

    @Test
    void connectsWithAPersistentSessionAndAHighReceiveMaximum() {
        MqttIngest ingest = ingest(settings());
        try {
            MqttConnectionOptions o = ingest.options();
            assertThat(o.isCleanStart()).isFalse();
            assertThat(o.getSessionExpiryInterval()).isEqualTo(Duration.ofDays(7).toSeconds());
            assertThat(o.getReceiveMaximum()).isEqualTo(12000);
            assertThat(o.isAutomaticReconnect()).isTrue();
        } finally {
            ingest.close();
        }
    }

    @Test
    void subscribesToTelemetryThroughTheShareGroupAndToStatusDirectly() {
        MqttIngest plain = ingest(settings());
        MqttIngest shared = ingest(ConfigLoader.fromYaml("mqtt:\n  shareGroup: platform\n", "t", java.util.Map.of()).mqtt());
        try {
            assertThat(java.util.Arrays.stream(plain.subscriptions()).map(s -> s.getTopic() + " qos" + s.getQos()))
                    .containsExactly("agri/v1/+/telemetry qos1", "agri/v1/+/status qos1");
            assertThat(java.util.Arrays.stream(shared.subscriptions()).map(s -> s.getTopic()))
                    .containsExactly("$share/platform/agri/v1/+/telemetry", "agri/v1/+/status");
        } finally {
            plain.close();
            shared.close();
        }
    }
}
