package io.agrisense.edge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.edge.config.StationConfig;
import io.agrisense.edge.config.StationConfigLoader;
import io.agrisense.edge.testing.StationTraffic;
import io.agrisense.edge.testing.TestDevices;
import io.agrisense.embedded.EmbeddedMqttBroker;
import io.agrisense.embedded.Ports;
import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.ResolvedRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands and edge rules end to end against a real broker, including a relay that must go off while the link is down. */
class CommandsAndRulesIT {

    @TempDir
    Path dir;

    private static StationConfig pond(String id, String url, String doInterval, String rule) throws Exception {
        return StationConfigLoader.standard().parse("""
                station_id: %s
                profile: crayfish_pond
                uplink:
                  mqtt:
                    url: %s
                sensors:
                  - name: do_probe
                    type: ads1115
                    interval: %s
                    channel: 0
                    probe: dissolved_oxygen
                    temperature: 25
                    probe_calibration:
                      points: [{temperature: 25.0, volts: 1.6}]
                actuators:
                  - {name: aerator, type: relay, pin: 17, load: aerator}
                %s
                """.formatted(id, url, doInterval, rule), "test:" + id, null);
    }

    @Test
    void commandsSwitchRelaysForADurationChangeIntervalsAndRejectWhatTheyDoNotKnow() throws Exception {
        String url = TestServices.mqttServerUri();
        String id = TestServices.uniqueStationId("cmd");
        TestDevices devices = new TestDevices();
        devices.values.put("do_probe", 6.5);
        try (StationTraffic sub = new StationTraffic(url, StationId.of(id), false);
             EdgeAgent agent = EdgeAgent.start(pond(id, url, "1min", ""),
                     AgentOptions.defaults().withDataDir(dir).withDevices(devices))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> agent.uplinkStats().linkUp() && !sub.values("dissolved_oxygen").isEmpty());
            TestDevices.TestRelay aerator = devices.relays.get("aerator");

            sub.command("c-on", "{\"command\":\"switch\",\"actuator\":\"aerator\",\"state\":\"on\",\"duration\":\"2s\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> sub.replies().containsKey("c-on"));
            assertThat(sub.replies().get("c-on")).isEqualTo("{\"status\":\"ok\"}");
            assertThat(aerator.on).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> !aerator.on);
            long onNanos = aerator.changedAtNanos.get(1);
            long offNanos = aerator.changedAtNanos.get(2);
            assertThat(TimeUnit.NANOSECONDS.toMillis(offNanos - onNanos)).as("switched off by the agent's timer").isBetween(1900L, 5000L);

            sub.command("c-int", "{\"command\":\"set_interval\",\"sensor\":\"do_probe\",\"interval\":\"250ms\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> sub.replies().containsKey("c-int"));
            assertThat(sub.replies().get("c-int")).isEqualTo("{\"status\":\"ok\"}");
            int before = sub.values("dissolved_oxygen").size();
            await().atMost(Duration.ofSeconds(10)).until(() -> sub.values("dissolved_oxygen").size() >= before + 8);

            List<Boolean> historyBefore = List.copyOf(aerator.history);
            sub.command("c-bad", "{\"command\":\"open_floodgates\",\"actuator\":\"aerator\"}");
            sub.command("c-bad2", "{\"command\":\"set_interval\",\"sensor\":\"do_probe\",\"interval\":\"forever\"}");
            sub.command("c-bad3", "{\"command\":\"switch\",\"actuator\":\"pump\",\"state\":\"on\",\"duration\":\"1min\"}");
            sub.command("c-on", "{\"command\":\"switch\",\"actuator\":\"aerator\",\"state\":\"on\",\"duration\":\"2s\"}");
            sub.command("c-status", "{\"command\":\"status\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> sub.replies().containsKey("c-status"));
            assertThat(sub.replies().get("c-bad")).isEqualTo("{\"status\":\"error\",\"reason\":\"unknown command "
                    + "\\\"open_floodgates\\\"; known: [set_interval, switch, reload_config, status]\"}");
            assertThat(sub.replies().get("c-bad2")).startsWith("{\"status\":\"error\",\"reason\":\"interval: 'forever' is not a duration");
            assertThat(sub.replies().get("c-bad3")).isEqualTo("{\"status\":\"error\",\"reason\":\"no actuator named 'pump'; actuators: [aerator]\"}");
            assertThat(sub.replyLog()).filteredOn(r -> r.startsWith("c-on ")).as("a repeated command id is answered again")
                    .containsExactly("c-on {\"status\":\"ok\"}", "c-on {\"status\":\"ok\"}");
            assertThat(aerator.history).as("nothing switched by bad or repeated commands").isEqualTo(historyBefore);
            assertThat(sub.replies().get("c-status")).contains("\"interval\":\"250ms\"").contains("\"on\":false")
                    .contains("\"station_id\":\"" + id + "\"");

            await().atMost(Duration.ofSeconds(10)).until(() -> sub.recordsOf("event").size() >= 2);
            List<String> events = sub.recordsOf("event").stream().map(ResolvedRecord::stringValue).toList();
            assertThat(events).containsExactly(
                    "{\"command\":\"c-on\",\"actuator\":\"aerator\",\"state\":\"on\",\"duration_s\":2.0}",
                    "{\"command\":\"c-on\",\"actuator\":\"aerator\",\"state\":\"off\",\"reason\":\"timer\"}");
        }
    }

    @Test
    void lowOxygenRunsTheAeratorWhichGoesOffOnTimeWhileTheBrokerIsDown() throws Exception {
        int port = Ports.freePort();
        EmbeddedMqttBroker.Options options = EmbeddedMqttBroker.Options.persistentAt(dir.resolve("broker"), "127.0.0.1", port);
        EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(options);
        String url = broker.serverUri();
        String id = TestServices.uniqueStationId("rule");
        TestDevices devices = new TestDevices();
        devices.values.put("do_probe", 5.0);
        String rule = """
                rules:
                  - name: low_do_aerator
                    metric: dissolved_oxygen
                    below: 3.0
                    for: 1s
                    actuator: aerator
                    on_for: 10s
                    min_interval: 10min
                """;
        StationTraffic sub = new StationTraffic(url, StationId.of(id), true);
        EdgeAgent agent = EdgeAgent.start(pond(id, url, "200ms", rule),
                AgentOptions.defaults().withDataDir(dir.resolve("data")).withDevices(devices));
        try {
            TestDevices.TestRelay aerator = devices.relays.get("aerator");
            await().atMost(Duration.ofSeconds(20)).until(() -> agent.uplinkStats().linkUp() && sub.values("dissolved_oxygen").size() >= 3);
            assertThat(aerator.on).isFalse();

            devices.values.put("do_probe", 2.4);
            await().atMost(Duration.ofSeconds(10)).until(() -> aerator.on);
            devices.values.put("do_probe", 2.2);
            broker.close(); // HiveMQ takes a few seconds to stop; the relay must still be on when it is down
            long brokerDownAt = System.nanoTime();
            assertThat(aerator.on).isTrue();
            await().atMost(Duration.ofSeconds(20)).until(() -> !aerator.on);
            long onMillis = TimeUnit.NANOSECONDS.toMillis(aerator.changedAtNanos.get(2) - aerator.changedAtNanos.get(1));
            assertThat(onMillis).as("on for its 10 s although the link is down").isBetween(9900L, 14000L);
            assertThat(aerator.changedAtNanos.get(2)).isGreaterThan(brokerDownAt);
            assertThat(agent.uplinkStats().linkUp()).isFalse();
            assertThat(aerator.history).as("safe at start, on once (min_interval 10 min), off by the timer")
                    .containsExactly(false, true, false);

            broker = EmbeddedMqttBroker.start(options);
            await().atMost(Duration.ofSeconds(40)).until(() -> sub.recordsOf("event").stream().distinct().count() >= 2);
        } finally {
            agent.close();
        }
        try {
            // QoS 1 is at least once: the "on" event may have been in flight when the broker stopped, and is then sent
            // again after the reconnect as the same record (same time), which the platform stores once.
            List<ResolvedRecord> received = sub.recordsOf("event");
            List<String> events = received.stream().distinct().map(ResolvedRecord::stringValue).toList();
            assertThat(events).containsExactly(
                    "{\"rule\":\"low_do_aerator\",\"actuator\":\"aerator\",\"state\":\"on\",\"duration_s\":10.0,\"trigger\":2.4}",
                    "{\"rule\":\"low_do_aerator\",\"actuator\":\"aerator\",\"state\":\"off\",\"reason\":\"timer\"}");
            List<Double> values = sub.values("dissolved_oxygen");
            assertThat(values).contains(2.2).as("readings of the outage arrived").filteredOn(v -> v == 2.2).hasSizeGreaterThan(10);
        } finally {
            sub.close();
            broker.close();
        }
    }
}
