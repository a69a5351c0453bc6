package io.agrisense.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agrisense.config.ConfigException;
import io.agrisense.link.config.BufferConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConfigLoaderTest {

    private static final String MINIMAL = """
            gateway_id: farm-gw-01
            uplink:
              mqtt: {url: 'tcp://broker.example:1883'}
            """;

    @TempDir
    Path dir;

    private static GatewayConfig parse(String yaml) throws ConfigException {
        return parse(yaml, Map.of());
    }

    private static GatewayConfig parse(String yaml, Map<String, String> env) throws ConfigException {
        return GatewayConfigLoader.parse(yaml, "gw.yaml", Path.of("/etc/agrisense"), env);
    }

    private static ConfigException problem(String yaml) {
        try {
            parse(yaml);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected a config error for:\n" + yaml);
    }

    @Test
    void aMinimalFileGetsTheContractDefaults() throws Exception {
        GatewayConfig c = parse(MINIMAL);
        assertThat(c.gatewayId().value()).isEqualTo("farm-gw-01");
        assertThat(c.name()).isEqualTo("farm-gw-01");
        assertThat(c.coap().host()).isEqualTo("0.0.0.0");
        assertThat(c.coap().port()).isEqualTo(5683);
        assertThat(c.coap().maxBodyBytes()).isEqualTo(16 * 1024);
        assertThat(c.coap().dtls().enabled()).isFalse();
        assertThat(c.mqtt().url()).isEqualTo("tcp://broker.example:1883");
        assertThat(c.mqtt().clientId()).isEqualTo("agri-gw-farm-gw-01");
        assertThat(c.mqtt().qos()).isEqualTo(1);
        assertThat(c.inflight()).isEqualTo(16);
        assertThat(c.buffer().dir()).isEqualTo(Path.of("data/gateway/farm-gw-01/queue"));
        assertThat(c.buffer().maxBytes()).isEqualTo(256L << 20);
        assertThat(c.buffer().fsync()).isEqualTo(BufferConfig.FsyncPolicy.BATCH);
        assertThat(c.healthInterval()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void readsEverySection() throws Exception {
        Path keys = dir.resolve("keys.txt");
        Files.writeString(keys, "# station=secret\nriver-01=hex:00112233445566778899\n", StandardCharsets.UTF_8);
        GatewayConfig c = GatewayConfigLoader.parse("""
                gateway_id: gw-2
                name: North farm gateway
                coap:
                  host: 127.0.0.1
                  port: 15683
                  max_body: 4KiB
                  dtls:
                    port: 15684
                    required: true
                    keys: {pond-01: pond-secret-key}
                    keys_file: keys.txt
                uplink:
                  mqtt: {url: 'ssl://broker.example:8883', username: gw, password: pw, client_id: gw-two}
                  inflight: 8
                buffer: {dir: queue, max_bytes: 32MiB, fsync: interval, fsync_interval: 2s}
                health: {interval: 30s}
                """, "gw.yaml", dir, Map.of());
        assertThat(c.name()).isEqualTo("North farm gateway");
        assertThat(c.coap()).extracting(GatewayConfig.Coap::host, GatewayConfig.Coap::port, GatewayConfig.Coap::maxBodyBytes)
                .containsExactly("127.0.0.1", 15683, 4096);
        assertThat(c.coap().dtls().port()).isEqualTo(15684);
        assertThat(c.coap().dtls().required()).isTrue();
        assertThat(c.coap().dtls().keys()).containsOnlyKeys("pond-01", "river-01");
        assertThat(c.coap().dtls().keys().get("pond-01")).isEqualTo("pond-secret-key".getBytes(StandardCharsets.UTF_8));
        assertThat(c.coap().dtls().keys().get("river-01")).isEqualTo(HexFormat.of().parseHex("00112233445566778899"));
        assertThat(c.mqtt().username()).isEqualTo("gw");
        assertThat(c.mqtt().password()).isEqualTo("pw");
        assertThat(c.mqtt().clientId()).isEqualTo("gw-two");
        assertThat(c.inflight()).isEqualTo(8);
        assertThat(c.buffer().dir()).isEqualTo(dir.resolve("queue"));
        assertThat(c.buffer().maxBytes()).isEqualTo(32L << 20);
        assertThat(c.buffer().fsync()).isEqualTo(BufferConfig.FsyncPolicy.INTERVAL);
        assertThat(c.buffer().fsyncInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.healthInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theEnvironmentOverridesBrokerPortsAndDataDir() throws Exception {
        GatewayConfig c = parse(MINIMAL, Map.of("AGRI_MQTT_URL", "tcp://10.0.0.5:1883", "AGRI_COAP_PORT", "0",
                "AGRI_DATA_DIR", "/var/lib/agri"));
        assertThat(c.mqtt().url()).isEqualTo("tcp://10.0.0.5:1883");
        assertThat(c.coap().port()).isZero();
        assertThat(c.buffer().dir()).isEqualTo(Path.of("/var/lib/agri/gateway/farm-gw-01/queue"));
        assertThat(parse("gateway_id: gw\n", Map.of("AGRI_MQTT_URL", "tcp://10.0.0.5:1883")).mqtt().url())
                .as("the variable alone gives the broker").isEqualTo("tcp://10.0.0.5:1883");
        assertThat(c.withBrokerUrl("tcp://other:1883").mqtt().url()).isEqualTo("tcp://other:1883");
    }

    @Test
    void errorsNameTheFileTheFieldAndTheProblem() {
        ConfigException missing = problem("uplink: {mqtt: {url: 'tcp://b:1883'}}\n");
        assertThat(missing.getMessage()).isEqualTo("gw.yaml: gateway_id: is required");

        assertThat(problem("gateway_id: 'bad id!'\nuplink: {mqtt: {url: 'tcp://b:1883'}}\n").getMessage())
                .isEqualTo("gw.yaml: gateway_id: 'bad id!' must be 1-64 characters of A-Z a-z 0-9 _ -");
        assertThat(problem("gateway_id: gw\n").getMessage())
                .isEqualTo("gw.yaml: uplink.mqtt.url: is required (or set AGRI_MQTT_URL), e.g. tcp://broker.example:1883");
        assertThat(problem("gateway_id: gw\nuplink: {mqtt: {url: 'coap://b:5683'}}\n").getMessage())
                .isEqualTo("gw.yaml: uplink.mqtt.url: scheme must be tcp://, ssl://, ws:// or wss://, not coap://");
        assertThat(problem(MINIMAL + "coap: {prot: 5683}\n").getMessage())
                .isEqualTo("gw.yaml: coap.prot: unknown key; expected one of [dtls, host, max_body, port]");
        assertThat(problem(MINIMAL + "coap: {port: 70000}\n").getMessage())
                .isEqualTo("gw.yaml: coap.port: must be between 0 and 65535, not 70000");
        assertThat(problem(MINIMAL + "buffer: {fsync: sometimes}\n").getMessage())
                .isEqualTo("gw.yaml: buffer.fsync: must be one of [always, batch, interval], not 'sometimes'");
        assertThat(problem(MINIMAL + "buffer: {max_bytes: 1KiB}\n").field()).isEqualTo("buffer.max_bytes");
        assertThat(problem(MINIMAL + "uplink: {mqtt: {url: 'tcp://b:1883', ca_file: missing.pem}}\n").getMessage())
                .startsWith("gw.yaml: uplink.mqtt.ca_file: cannot read ");
        assertThat(problem("gateway_id: [a, b]\n").getMessage()).isEqualTo("gw.yaml: gateway_id: must be a single value, not a array");
        assertThat(problem("gateway_id: gw\n  bad: : indent\n").getMessage()).startsWith("gw.yaml: not valid YAML: ");
    }

    @Test
    void dtlsKeysAreChecked() {
        assertThat(problem(MINIMAL + "coap: {dtls: {keys: {pond-01: short}}}\n").getMessage())
                .isEqualTo("gw.yaml: coap.dtls.keys.pond-01: a pre-shared key needs at least 8 bytes, this one has 5");
        assertThat(problem(MINIMAL + "coap: {dtls: {keys: {pond-01: 'hex:abc'}}}\n").getMessage())
                .endsWith("the key after 'hex:' must be an even number of hex digits");
        assertThat(problem(MINIMAL + "coap: {dtls: {keys: {'bad id': long-enough-key}}}\n").getMessage())
                .endsWith("'bad id' is not a station id (1-64 characters of A-Z a-z 0-9 _ -)");
        assertThat(problem(MINIMAL + "coap: {dtls: {required: true}}\n").getMessage())
                .isEqualTo("gw.yaml: coap.dtls.required: is true but no station has a key (keys or keys_file): no station could post");
    }

    @Test
    void aBadEnvironmentVariableIsNamed() {
        assertThatThrownBy(() -> parse(MINIMAL, Map.of("AGRI_COAP_PORT", "http")))
                .hasMessage("environment: AGRI_COAP_PORT: 'http' is not a port (0-65535) for coap.port");
        assertThatThrownBy(() -> parse(MINIMAL, Map.of("AGRI_MQTT_URL", "broker:1883")))
                .hasMessageStartingWith("environment: AGRI_MQTT_URL: ");
    }

    @Test
    void theBundledExampleIsValid() throws Exception {
        Path example = Path.of("../firmware-configs/gateways/farm_gateway.yaml");
        GatewayConfig c = GatewayConfigLoader.load(example, Map.of());
        assertThat(c.gatewayId().value()).isEqualTo("farm-gw-01");
        assertThat(c.coap().dtls().enabled()).isTrue();
    }
}
