package io.agrisense.edge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.edge.sampling.Reading;
import io.agrisense.edge.testing.StationTraffic;
import io.agrisense.edge.testing.Stations;
import io.agrisense.edge.testing.TestDevices;
import io.agrisense.embedded.EmbeddedMqttBroker;
import io.agrisense.embedded.Ports;
import io.agrisense.embedded.testkit.AcceleratedClock;
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
 * the same port, and every reading arrives as produced, in order; the only
 * repeats are QoS 1 re-sends of the window in flight when the broker stopped, exact copies that the platform stores once.
 */
class BrokerOutageIT {

    @TempDir
    Path dir;

    @Test
    void replaysEveryReadingInOrderAfterATenMinuteBrokerOutage() throws Exception {
        int port = Ports.freePort();
        EmbeddedMqttBroker.Options brokerOptions = EmbeddedMqttBroker.Options.persistentAt(dir.resolve("broker"), "127.0.0.1", port);
        EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(brokerOptions);
        String url = broker.serverUri();
        String id = TestServices.uniqueStationId("outage");
        List<Reading> produced = new CopyOnWriteArrayList<>();
        AcceleratedClock clock = new AcceleratedClock(50);
        int[] outageReadings = new int[1];
        long[] stopMillis = new long[1];

        StationTraffic subscriber = new StationTraffic(url, StationId.of(id), true);
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
            stopMillis[0] = produced.get(atStop - 1).epochMillis();
            // Ten minutes of station time, not 600 readings: a scheduler catching up under load spaces a few readings
            // closer than one station-second.
            await().atMost(Duration.ofSeconds(60)).until(() -> produced.size() >= atStop + 600
                    && produced.get(produced.size() - 1).epochMillis() - stopMillis[0] >= 600_000);
            outageReadings[0] = produced.size() - atStop;
            long outageMillis = produced.get(produced.size() - 1).epochMillis() - stopMillis[0];
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
            await().atMost(Duration.ofSeconds(30)).until(() -> subscriber.recordsOf("water_temperature").stream()
                    .map(ResolvedRecord::time).distinct().count() >= total);
            Thread.sleep(500);
            List<ResolvedRecord> raw = subscriber.recordsOf("water_temperature");
            // QoS 1 is at-least-once: a publish the broker took just before it stopped, but whose PUBACK never
            // reached the agent, is sent again after the restart. Such a repeat must be an exact copy of a reading
            // already received (the platform keys on station+metric+time and stores it once); nothing may be
            // missing, changed or out of order.
            List<ResolvedRecord> received = new java.util.ArrayList<>();
            java.util.Map<Long, Double> seen = new java.util.HashMap<>();
            int repeats = 0;
            for (ResolvedRecord r : raw) {
                long millis = Math.round(r.time() * 1000);
                Double earlier = seen.putIfAbsent(millis, r.value());
                if (earlier == null) {
                    received.add(r);
                } else {
                    assertThat(r.value()).as("a repeat is an exact copy of the reading at %d", millis).isEqualTo(earlier);
                    assertThat(millis).as("only readings in flight when the broker stopped are sent again")
                            .isLessThanOrEqualTo(stopMillis[0] + 60_000);
                    repeats++;
                }
            }
            assertThat(received).hasSize(total);
            for (int i = 0; i < total; i++) {
                assertThat(received.get(i).value()).isEqualTo(produced.get(i).value());
                assertThat(Math.round(received.get(i).time() * 1000)).isEqualTo(produced.get(i).epochMillis());
            }
            assertThat(received.get(total - 1).value()).isEqualTo(total);
            assertThat(agent.queueStats().droppedRecords()).isZero();
            assertThat(subscriber.statuses()).contains("{\"state\":\"offline\"}");
            System.out.printf("Outage test: %d readings produced, %d of them while the broker was down, all received in "
                    + "order; %d QoS 1 repeat(s) of the last in-flight window, %d broker-to-subscriber redeliveries%n",
                    total, outageReadings[0], repeats, subscriber.brokerRedeliveries());
        } finally {
            subscriber.close();
            broker.close();
        }
    }
}
