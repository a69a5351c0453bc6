package io.agrisense.edge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agrisense.config.ConfigException;
import io.agrisense.config.Quantities;
import io.agrisense.link.config.BufferConfig;
import io.agrisense.link.uplink.Location;
import io.agrisense.protocol.senml.SenmlFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationConfigLoaderTest {

    private final StationConfigLoader loader = StationConfigLoader.standard();

    private static final String VALID = """
            station_id: st-1
            profile: crayfish_pond
            uplink:
              mqtt:
                url: tcp://127.0.0.1:1883
                username: pond
                password: secret
            sensors:
              - name: water_temp
                type: ds18b20
                interval: 30s
                w1_id: 28-0316a2799aff
              - name: do_probe
                type: ads1115
                interval: 1min
                channel: 0
                probe: dissolved_oxygen
                temperature_sensor: water_temp
                probe_calibration:
                  points: [{temperature: 25.0, volts: 1.6}]
                calibration:
                  dissolved_oxygen: {scale: 1.02, offset: -0.1}
            actuators:
              - {name: aerator, type: relay, pin: 17}
            rules:
              - name: low_do
                metric: dissolved_oxygen
                below: 3
                for: 2min
                actuator: aerator
                on_for: 30min
            """;

    private StationConfig parse(String yaml) throws ConfigException {
        return loader.parse(yaml, "station.yaml", null);
    }

    private static String problem(ThrowingCall call) {
        try {
            call.run();
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("no ConfigException");
    }

    interface ThrowingCall {
        void run() throws ConfigException;
    }

    @Test
    void readsAValidStationWithDefaults() throws Exception {
        StationConfig c = parse(VALID);
        assertThat(c.stationId().value()).isEqualTo("st-1");
        assertThat(c.name()).isEqualTo("st-1");
        assertThat(c.payloadFormat()).isEqualTo(SenmlFormat.JSON);
        assertThat(c.uplink().mqtt().username()).isEqualTo("pond");
        assertThat(c.uplink().mqtt().clientId()).isEqualTo("agri-st-1");
        assertThat(c.uplink().inflightWindow()).isEqualTo(32);
        assertThat(c.buffer().maxBytes()).isEqualTo(64L << 20);
        assertThat(c.buffer().fsync()).isEqualTo(BufferConfig.FsyncPolicy.BATCH);
        assertThat(c.sensors().get(1).interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.sensors().get(1).options()).doesNotContainKeys("name", "type", "interval", "calibration")
                .containsEntry("probe", "dissolved_oxygen");
        assertThat(c.sensors().get(1).calibration().get("dissolved_oxygen")).isEqualTo(new Calibration(1.02, -0.1, null));
        assertThat(c.rules().get(0).minInterval()).as("defaults to on_for").isEqualTo(Duration.ofMinutes(30));
        assertThat(c.healthInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.location()).isNull();
    }

    @Test
    void readsTheStationsLocationAndPutsItInTheOnlineStatus() throws Exception {
        StationConfig c = parse(VALID.replace("profile: crayfish_pond", """
                profile: crayfish_pond
                location: {latitude: 30.42, longitude: 112.9, elevation: 30}"""));

        assertThat(c.location()).isEqualTo(new Location(30.42, 112.9, 30));
        assertThat(io.agrisense.link.uplink.StatusMessages.online("crayfish_pond", "Pond", "1.0", "mqtt", c.location()))
                .isEqualTo("{\"state\":\"online\",\"profile\":\"crayfish_pond\",\"name\":\"Pond\",\"version\":\"1.0\","
                        + "\"uplink\":\"mqtt\",\"location\":{\"latitude\":30.42,\"longitude\":112.9,\"elevation\":30.0}}");
        assertThat(parse(VALID.replace("profile: crayfish_pond", "profile: crayfish_pond\nlocation: {latitude: 30.4, longitude: 112.9}"))
                .location().elevation()).isZero();
    }

    @Test
    void aLocationOutOfRangeOrIncompleteNamesTheField() {
        assertThat(problem(() -> parse(VALID.replace("profile: crayfish_pond",
                "profile: crayfish_pond\nlocation: {latitude: 130.4, longitude: 112.9}"))))
                .isEqualTo("station.yaml: location.latitude: 130.4 must be within -90..90 (decimal degrees, north positive)");
        assertThat(problem(() -> parse(VALID.replace("profile: crayfish_pond",
                "profile: crayfish_pond\nlocation: {latitude: 30.4}"))))
                .isEqualTo("station.yaml: location.longitude: is required");
        assertThat(problem(() -> parse(VALID.replace("profile: crayfish_pond",
                "profile: crayfish_pond\nlocation: {latitude: 30.4, longitude: 112.9, altitude: 3}"))))
                .isEqualTo("station.yaml: location.altitude: unknown key; expected one of [elevation, latitude, longitude]");
    }

    @Test
    void namesTheFileTheFieldPathAndTheProblem() {
        assertThat(problem(() -> parse(VALID.replace("interval: 1min", "interval: often"))))
                .isEqualTo("station.yaml: sensors[1].interval: 'often' is not a duration; write e.g. 500ms, 30s, 2min, 1h or 1d");
        assertThat(problem(() -> parse(VALID.replace("type: ds18b20", "type: dht22"))))
                .startsWith("station.yaml: sensors[0].type: unknown sensor type 'dht22'; known types: [ads1115,");
        assertThat(problem(() -> parse(VALID.replace("profile: crayfish_pond", "profile: vineyard"))))
                .startsWith("station.yaml: profile: 'vineyard' is not a station profile");
        assertThat(problem(() -> parse(VALID.replace("station_id: st-1", "station_id: st/1"))))
                .isEqualTo("station.yaml: station_id: 'st/1' must be 1-64 characters of A-Z a-z 0-9 _ -");
        assertThat(problem(() -> parse(VALID.replace("actuator: aerator", "actuator: pump"))))
                .isEqualTo("station.yaml: rules[0].actuator: no actuator named 'pump' in actuators");
        assertThat(problem(() -> parse(VALID.replace("metric: dissolved_oxygen", "metric: ph"))))
                .isEqualTo("station.yaml: rules[0].metric: no sensor of this station reports ph");
        assertThat(problem(() -> parse(VALID.replace("below: 3", "below: low"))))
                .isEqualTo("station.yaml: rules[0].below: must be a number, not 'low'");
        assertThat(problem(() -> parse(VALID.replace("tcp://127.0.0.1:1883", "http://x:1"))))
                .isEqualTo("station.yaml: uplink.mqtt.url: scheme must be tcp://, ssl://, ws:// or wss://, not http://");
        assertThat(problem(() -> parse(VALID.replace("    password: secret", "    pasword: secret"))))
                .startsWith("station.yaml: uplink.mqtt.pasword: unknown key; expected one of [client_id, password,");
        assertThat(problem(() -> parse(VALID.replace("dissolved_oxygen: {scale", "ph: {scale"))))
                .isEqualTo("station.yaml: sensors[1].calibration.ph: this sensor reports [dissolved_oxygen], not ph");
    }

    @Test
    void driverOptionProblemsAreConfigErrorsOfTheSensor() {
        assertThat(problem(() -> parse(VALID.replace("channel: 0", "channel: 7"))))
                .startsWith("station.yaml: sensors[1]: sensor 'do_probe' (ads1115): option 'channel' must be between 0 and 3");
        assertThat(problem(() -> parse(VALID.replace("w1_id: 28-0316a2799aff", "w1_id: 28-0316a2799aff\n    bus: 2"))))
                .startsWith("station.yaml: sensors[0]: sensor 'water_temp' (ds18b20): option 'bus' is not an option of ds18b20");
    }

    @Test
    void rejectsDuplicateNamesQos0AndTwoUplinks() {
        assertThat(problem(() -> parse(VALID.replace("name: do_probe", "name: water_temp"))))
                .isEqualTo("station.yaml: sensors[1].name: 'water_temp' is used twice");
        assertThat(problem(() -> parse(VALID.replace("password: secret", "password: secret\n    qos: 0"))))
                .isEqualTo("station.yaml: uplink.mqtt.qos: must be 1: a record leaves the queue only on the broker's PUBACK");
        assertThat(problem(() -> parse(VALID.replace("uplink:\n", "uplink:\n  coap: {url: 'coap://h'}\n"))))
                .isEqualTo("station.yaml: uplink: needs exactly one of 'mqtt' or 'coap'");
        assertThat(problem(() -> parse("station_id: [")))
                .startsWith("station.yaml: not valid YAML:");
    }

    @Test
    void readsACoapStationWithDtlsKeyAndDefaultsToCbor() throws Exception {
        StationConfig c = parse(VALID.replace("""
                  mqtt:
                    url: tcp://127.0.0.1:1883
                    username: pond
                    password: secret
                """, """
                  coap:
                    url: coaps://127.0.0.1:5684
                    psk_identity: st-1
                    psk_key_hex: 0011aaff
                """));
        assertThat(c.uplink().isMqtt()).isFalse();
        assertThat(c.uplink().coap().secure()).isTrue();
        assertThat(c.uplink().coap().pskKey()).containsExactly(0x00, 0x11, 0xaa, 0xff);
        assertThat(c.payloadFormat()).isEqualTo(SenmlFormat.CBOR);
        assertThat(problem(() -> parse(VALID.replace("""
                    url: tcp://127.0.0.1:1883
                    username: pond
                    password: secret
                """, "    url: coaps://h:5684\n").replace("  mqtt:", "  coap:"))))
                .isEqualTo("station.yaml: uplink.coap: coaps:// needs psk_identity and psk_key (or psk_key_hex) for DTLS");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        assertThat(problem(() -> loader.load(missing))).startsWith(missing + ": cannot read the file");
    }

    @Test
    void relativeCaFileIsResolvedNextToTheYaml(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ca.pem"), "x");
        Path yaml = dir.resolve("st.yaml");
        Files.writeString(yaml, VALID.replace("password: secret", "password: secret\n    tls_ca_file: ca.pem"));
        assertThat(loader.load(yaml).uplink().mqtt().tlsCaFile()).isEqualTo(dir.resolve("ca.pem"));
        Files.writeString(yaml, VALID.replace("password: secret", "password: secret\n    tls_ca_file: other.pem"));
        assertThatThrownBy(() -> loader.load(yaml)).hasMessageContaining("uplink.mqtt.tls_ca_file: cannot read");
    }

    @Test
    void parsesDurationsAndSizes() {
        assertThat(Quantities.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Quantities.duration("2min")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Quantities.duration("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Quantities.duration("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Quantities.bytes("64MiB")).isEqualTo(64L << 20);
        assertThat(Quantities.bytes("512KiB")).isEqualTo(512L << 10);
        assertThat(Quantities.bytes("1000")).isEqualTo(1000);
        assertThat(Quantities.format(Duration.ofMinutes(30))).isEqualTo("30min");
    }
}
