package io.agrisense.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.platform.store.Database;
import io.agrisense.platform.store.MessageRows;
import io.agrisense.platform.store.ReadingBatchWriter;
import io.agrisense.platform.store.ReadingBatchWriter.BatchOutcome;
import io.agrisense.platform.testing.PlatformFixture;
import io.agrisense.platform.testing.Publisher;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlPackBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform commits a batch and "crashes" before acknowledging it; a new platform client with the same
 * persistent session gets the redelivery from the real broker, and the database holds each reading once.
 */
class RedeliveryIT {

    private static final int MESSAGES = 20;
    private static final int READINGS_PER_MESSAGE = 3;
    private static Database database;
    private static PlatformConfig config;

    @BeforeAll
    static void start() {
        config = PlatformFixture.config("redeliver", Map.of());
        PlatformConfig.Database db = config.database();
        database = Database.open(db.url(), db.user(), db.password(), 4, Duration.ofSeconds(5), List.of(), new SimpleMeterRegistry());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    /** One platform ingest session: the real batcher and MQTT client, with a view of what each commit did for one station. */
    private static final class Session implements AutoCloseable {
        final AtomicInteger messages = new AtomicInteger();
        final AtomicInteger stored = new AtomicInteger();
        final AtomicInteger duplicates = new AtomicInteger();
        final IngestBatcher batcher;
        final MqttIngest mqtt;

        Session(String station, String clientId, Function<MqttAsyncClient, MqttIngest.Acknowledger> acks) throws Exception {
            ReadingBatchWriter writer = new ReadingBatchWriter(database.dataSource());
            IngestPipeline pipeline = new IngestPipeline(Duration.ofMinutes(5), 1 << 20);
            IngestBatcher.Store observed = (msgs, statuses) -> {
                BatchOutcome out = writer.write(msgs, statuses);
                for (int i = 0; i < msgs.size(); i++) {
                    MessageRows m = msgs.get(i);
                    if (station.equals(m.station())) {
                        messages.incrementAndGet();
                        stored.addAndGet(out.messages().get(i).stored().size());
                        duplicates.addAndGet(out.messages().get(i).duplicates());
                    }
                }
                return out;
            };
            batcher = new IngestBatcher(observed, pipeline, StationProfiles.load(database.dataSource()),
                    new IngestMetrics(new SimpleMeterRegistry()), (r, s) -> { }, config.ingest(), Clock.systemUTC());
            PlatformConfig.Mqtt m = config.mqtt();
            PlatformConfig.Mqtt sameSession = new PlatformConfig.Mqtt(m.url(), m.port(), m.bindAddress(), clientId,
                    m.shareGroup(), m.receiveMaximum(), m.sessionExpiry(), m.keepAlive());
            mqtt = new MqttIngest(sameSession, m.url(), pipeline, batcher, Clock.systemUTC(), acks);
            mqtt.start();
            assertThat(mqtt.awaitSubscribed(Duration.ofSeconds(20))).as("subscribed").isTrue();
        }

        @Override
        public void close() {
            mqtt.stopReceiving();
            batcher.close(Duration.ofSeconds(5));
            mqtt.close();
        }
    }

    @Test
    void committedButUnacknowledgedMessagesAreRedeliveredAndStoredOnce() throws Exception {
        String st = TestServices.uniqueStationId("redeliver");
        String clientId = PlatformFixture.clientId("redeliver");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);

        // Session 1 reaches the ack step after each commit but never sends the PUBACK, then dies without DISCONNECT.
        // (Mosquitto sends it all 20 messages; HiveMQ CE waits for acks before sending more than its first poll.)
        AtomicInteger ackStepsReached = new AtomicInteger();
        Session crashing = new Session(st, clientId, client -> (id, qos) -> ackStepsReached.incrementAndGet());
        try (Publisher publisher = new Publisher()) {
            for (int i = 0; i < MESSAGES; i++) {
                SenmlPackBuilder pack = SenmlPackBuilder.forStation(StationId.of(st));
                for (int j = 0; j < READINGS_PER_MESSAGE; j++) {
                    pack.add("water_temperature", "Cel", t0.getEpochSecond() + i * 10L + j, 20 + i + j / 4.0);
                }
                publisher.publish(Topics.telemetry(StationId.of(st)), Senml.encode(pack.build(), SenmlFormat.JSON), false);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> crashing.messages.get() > 0 && ackStepsReached.get() >= crashing.messages.get());
            Thread.sleep(500); // let whatever the broker already sent arrive, so that the crash hits committed messages
        }
        crashing.mqtt.abort();
        crashing.batcher.close(Duration.ofSeconds(5));
        int committedUnacked = crashing.stored.get();
        assertThat(committedUnacked).isEqualTo(crashing.messages.get() * READINGS_PER_MESSAGE);
        assertThat(count(st)).isEqualTo(committedUnacked);

        // Session 2, same client id and persistent session: the broker redelivers what was not acknowledged (and
        // sends what it held back); what session 1 committed comes back as duplicates and is not stored again.
        try (Session restarted = new Session(st, clientId, client -> client::messageArrivedComplete)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> restarted.messages.get() >= MESSAGES);
            assertThat(restarted.duplicates.get()).isEqualTo(committedUnacked);
            assertThat(restarted.stored.get()).isEqualTo(MESSAGES * READINGS_PER_MESSAGE - committedUnacked);
        }
        assertThat(count(st)).isEqualTo(MESSAGES * READINGS_PER_MESSAGE);
        assertThat(query("SELECT count(DISTINCT (metric, ts)) FROM readings WHERE station_id = '" + st + "'"))
                .isEqualTo(Integer.toString(MESSAGES * READINGS_PER_MESSAGE));
        assertThat(query("SELECT count(*) FROM rejected_readings WHERE station_id = '" + st + "'")).isEqualTo("0");

        // Session 3: session 2 acknowledged everything, so the first message it sees is a new one.
        try (Session third = new Session(st, clientId, client -> client::messageArrivedComplete);
             Publisher publisher = new Publisher()) {
            publisher.publish(Topics.telemetry(StationId.of(st)), Senml.encode(SenmlPackBuilder.forStation(StationId.of(st))
                    .add("water_temperature", "Cel", t0.getEpochSecond() + 600, 25.0).build(), SenmlFormat.JSON), false);
            await().atMost(Duration.ofSeconds(20)).until(() -> third.stored.get() == 1);
            assertThat(third.messages.get()).isEqualTo(1);
            assertThat(third.duplicates.get()).isZero();
        }
        assertThat(count(st)).isEqualTo(MESSAGES * READINGS_PER_MESSAGE + 1);
    }

    private static int count(String station) throws Exception {
        return Integer.parseInt(query("SELECT count(*) FROM readings WHERE station_id = '" + station + "'"));
    }

    private static String query(String sql) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

}
