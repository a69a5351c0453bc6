package io.agrisense.edge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.edge.sampling.Reading;
import io.agrisense.edge.testing.FastClock;
import io.agrisense.edge.testing.Stations;
import io.agrisense.edge.testing.TelemetrySubscriber;
import io.agrisense.edge.testing.TestDevices;
import io.agrisense.embedded.EmbeddedMqttBroker;
import io.agrisense.embedded.Ports;
import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.ResolvedRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store-and-forward test (a): the broker is really stopped for ten minutes of station time (a clock running 50x
 * with a sensor every 20 ms, so 600 readings at one per station-second), sampling goes on, the broker comes back on
 * the same port, and every reading arrives exactly once, as produced, in order.
 */
class BrokerOutageIT {

    @TempDir
    Path dir;

    @Test
    void replaysEveryReadingExactlyOnceInOrderAfterATenMinuteBrokerOutage() throws Exception {
        int port = Ports.freePort();
        EmbeddedMqttBroker.Options brokerOptions = EmbeddedMqttBroker.Options.persistentAt(dir.resolve("broker"), "127.0.0.1", port);
        EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(brokerOptions);
        String url = broker.serverUri();
        String id = TestServices.uniqueStationId("outage");
        List<Reading> produced = new CopyOnWriteArrayList<>();
        FastClock clock = new FastClock(50);
        int[] outageReadings = new int[1];

        TelemetrySubscriber subscriber = new TelemetrySubscriber(url, StationId.of(id), true);
        EdgeAgent agent = EdgeAgent.start(Stations.counter(id, url, "20ms", ""),
                AgentOptions.defaults().withDataDir(dir.resolve("data")).withClock(clock).withDevices(new TestDevices())
                        .withObserver((source, readings) -> {
                            if (source.equals("level")) {
                                produced.addAll(readings);
                            }
                        }));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> subscriber.values("water_temperature").size() >= 50);

            broker.close();
            int atStop = produced.size();
            long stopMillis = produced.get(atStop - 1).epochMillis();
            await().atMost(Duration.ofSeconds(60)).until(() -> produced.size() >= atStop + 600);
            outageReadings[0] = produced.size() - atStop;
            long outageMillis = produced.get(produced.size() - 1).epochMillis() - stopMillis;
            assertThat(outageMillis).as("ten minutes of station time").isGreaterThanOrEqualTo(600_000);
            assertThat(agent.queueStats().records()).as("the outage is held on disk").isGreaterThanOrEqualTo(600);
            assertThat(agent.uplinkStats().linkUp()).isFalse();

            broker = EmbeddedMqttBroker.start(brokerOptions);
            await().atMost(Duration.ofSeconds(60)).until(() -> agent.uplinkStats().linkUp() && agent.queueStats().records() < 20);
        } finally {
            agent.close();
        }
        try {
            int total = produced.size();
            await().atMost(Duration.ofSeconds(30)).until(() -> subscriber.values("water_temperature").size() >= total);
            Thread.sleep(500);
            List<ResolvedRecord> received = subscriber.recordsOf("water_temperature");
            assertThat(received).hasSize(total);
            for (int i = 0; i < total; i++) {
                assertThat(received.get(i).value()).isEqualTo(produced.get(i).value());
                assertThat(Math.round(received.get(i).time() * 1000)).isEqualTo(produced.get(i).epochMillis());
            }
            assertThat(received.get(total - 1).value()).isEqualTo(total);
            assertThat(agent.queueStats().droppedRecords()).isZero();
            assertThat(subscriber.statuses).contains("{\"state\":\"offline\"}");
            System.out.printf("Outage test: %d readings produced, %d of them while the broker was down, all received once "
                    + "in order (broker-to-subscriber redeliveries filtered: %d)%n", total, outageReadings[0],
                    subscriber.brokerRedeliveries);
        } finally {
            subscriber.close();
            broker.close();
        }
    }
}
