package io.agrisense.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void defaultsMeanEmbeddedServicesOnTheContractPorts() {
        PlatformConfig c = ConfigLoader.load(null, Map.of());

        assertThat(c.database().url()).isNull();
        assertThat(c.database().embedded()).isTrue();
        assertThat(c.mqtt().embedded()).isTrue();
        assertThat(c.mqtt().port()).isEqualTo(1883);
        assertThat(c.http().port()).isEqualTo(8080);
        assertThat(c.coap().port()).isEqualTo(5683);
        assertThat(c.dataDir()).isEqualTo(Path.of("./agri-data"));
        assertThat(c.mqtt().receiveMaximum()).isEqualTo(10_000);
        assertThat(c.mqtt().sessionExpiry()).isEqualTo(Duration.ofDays(7));
        assertThat(c.ingest().batchWait()).as("group commit: take what is queued, no waiting").isEqualTo(Duration.ZERO);
        assertThat(c.ingest().futureTolerance()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void yamlSettingsAreReadAndEnvironmentOverridesWin(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("platform.yaml");
        Files.writeString(file, """
                dataDir: /var/lib/agri
                database:
                  url: jdbc:postgresql://db.farm:5432/agri
                  user: agri
                  password: from-file
                mqtt:
                  url: tcp://broker.farm:1883
                  clientId: platform-a
                  shareGroup: platform
                  receiveMaximum: 20000
                http:
                  port: 9000
                ingest:
                  batchWait: 50ms
                  futureTolerance: 10m
                """);
        Map<String, String> env = Map.of(
                "AGRI_DB_PASSWORD", "from-env",
                "AGRI_HTTP_PORT", "8081",
                "AGRI_COAP_PORT", "15683",
                "AGRI_MQTT_PORT", "18830",
                "AGRI_DATA_DIR", "/data/agri",
                "AGRI_MQTT_URL", "tcp://other:1883");

        PlatformConfig c = ConfigLoader.load(file, env);

        assertThat(c.database().url()).isEqualTo("jdbc:postgresql://db.farm:5432/agri");
        assertThat(c.database().user()).isEqualTo("agri");
        assertThat(c.database().password()).isEqualTo("from-env");
        assertThat(c.mqtt().url()).isEqualTo("tcp://other:1883");
        assertThat(c.mqtt().port()).isEqualTo(18830);
        assertThat(c.mqtt().clientId()).isEqualTo("platform-a");
        assertThat(c.mqtt().shareGroup()).isEqualTo("platform");
        assertThat(c.mqtt().receiveMaximum()).isEqualTo(20_000);
        assertThat(c.http().port()).isEqualTo(8081);
        assertThat(c.coap().port()).isEqualTo(15683);
        assertThat(c.dataDir()).isEqualTo(Path.of("/data/agri"));
        assertThat(c.ingest().batchWait()).isEqualTo(Duration.ofMillis(50));
        assertThat(c.ingest().futureTolerance()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void blankEnvironmentVariablesAreIgnored() {
        PlatformConfig c = ConfigLoader.fromYaml("http:\n  port: 9000\n", "t", Map.of("AGRI_HTTP_PORT", " ", "AGRI_DB_URL", ""));
        assertThat(c.http().port()).isEqualTo(9000);
        assertThat(c.database().embedded()).isTrue();
    }

    @Test
    void badValuesAreErrorsNamingTheSettingOrVariable() {
        assertThatThrownBy(() -> ConfigLoader.fromYaml("", "t", Map.of("AGRI_HTTP_PORT", "http")))
                .isInstanceOf(StartupException.class)
                .hasMessage("AGRI_HTTP_PORT must be a port number 0-65535, got 'http'");
        assertThatThrownBy(() -> ConfigLoader.fromYaml("", "t", Map.of("AGRI_MQTT_PORT", "70000")))
                .hasMessage("AGRI_MQTT_PORT must be a port number 0-65535, got '70000'");
        assertThatThrownBy(() -> ConfigLoader.fromYaml("mqtt:\n  clientid: x\n", "platform.yaml", Map.of()))
                .hasMessageStartingWith("platform.yaml: unknown setting mqtt.clientid (known in mqtt: url, port,");
        assertThatThrownBy(() -> ConfigLoader.fromYaml("ingest:\n  batchWait: soon\n", "platform.yaml", Map.of()))
                .hasMessage("platform.yaml: setting ingest.batchWait 'soon' is not a duration: use e.g. 30s, 5m, 1h, 1d or PT5M");
        assertThatThrownBy(() -> ConfigLoader.fromYaml("http:\n  port: 80.5\n", "platform.yaml", Map.of()))
                .hasMessage("platform.yaml: setting http.port must be a whole number");
        assertThatThrownBy(() -> ConfigLoader.fromYaml("mqtt:\n  receiveMaximum: 0\n", "platform.yaml", Map.of()))
                .hasMessage("platform.yaml: setting mqtt.receiveMaximum must be between 1 and 65535, got 0");
        assertThatThrownBy(() -> ConfigLoader.fromYaml("http: [1, 2]\n", "platform.yaml", Map.of()))
                .hasMessage("platform.yaml: 'http' must be a mapping");
        assertThatThrownBy(() -> ConfigLoader.fromYaml("http:\n  port: [\n", "platform.yaml", Map.of()))
                .hasMessageStartingWith("platform.yaml is not valid YAML");
        assertThatThrownBy(() -> ConfigLoader.load(Path.of("/nonexistent/agri.yaml"), Map.of()))
                .hasMessage("configuration file /nonexistent/agri.yaml does not exist");
    }

    @Test
    void durationsAcceptShortAndIsoForms() {
        assertThat(Durations.parse("20ms")).isEqualTo(Duration.ofMillis(20));
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("2w")).isEqualTo(Duration.ofDays(14));
        assertThat(Durations.parse("PT5M")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Durations.format(Duration.ofDays(60))).isEqualTo("60d");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThatThrownBy(() -> Durations.parse("-5m")).hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> Durations.parse("PT-5M")).hasMessage("duration 'PT-5M' is negative");
    }

    @Test
    void portInUseMessageNamesTheVariable() {
        assertThat(StartupException.portInUse(8080, "AGRI_HTTP_PORT").getMessage())
                .isEqualTo("port 8080 is in use: set AGRI_HTTP_PORT to a free port");
    }
}
