package io.agrisense.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoapDtlsSettingsTest {

    @Test
    void withoutKeysDtlsIsOffOnItsContractPort() {
        PlatformConfig.Dtls dtls = ConfigLoader.fromYaml("", "t", Map.of()).coap().dtls();
        assertThat(dtls.enabled()).isFalse();
        assertThat(dtls.port()).isEqualTo(5684);
        assertThat(dtls.required()).isFalse();
    }

    @Test
    void keysComeInlineAndFromAKeysFileAsTextOrHexAndTheEnvironmentSetsThePort(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("coap-keys");
        Files.writeString(file, """
                # station id = secret
                pond-02 = hex:00112233445566778899
                
                river-1=another-secret
                """);
        PlatformConfig.Dtls dtls = ConfigLoader.fromYaml("""
                coap:
                  dtls:
                    port: 15684
                    required: true
                    keys: {pond-01: pond-secret-key}
                    keysFile: %s
                """.formatted(file), "platform.yaml", Map.of("AGRI_COAPS_PORT", "25684")).coap().dtls();
        assertThat(dtls.enabled()).isTrue();
        assertThat(dtls.required()).isTrue();
        assertThat(dtls.port()).isEqualTo(25684);
        assertThat(dtls.keys()).containsOnlyKeys("pond-01", "pond-02", "river-1");
        assertThat(dtls.keys().get("pond-01")).isEqualTo("pond-secret-key".getBytes(StandardCharsets.UTF_8));
        assertThat(dtls.keys().get("pond-02")).containsExactly(0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99);
        assertThat(dtls.toString()).doesNotContain("pond-secret-key").contains("pond-01");
    }

    @Test
    void badKeysAreErrorsThatSayWhereAndWhat(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> yaml("keys: {pond-01: short}"))
                .hasMessage("platform.yaml: setting coap.dtls.keys.pond-01: a pre-shared key needs at least 8 bytes, this one has 5");
        assertThatThrownBy(() -> yaml("keys: {'pond.01': pond-secret-key}"))
                .hasMessage("platform.yaml: setting coap.dtls.keys.pond.01: 'pond.01' is not a station id (1-64 characters of A-Z a-z 0-9 _ -)");
        assertThatThrownBy(() -> yaml("keys: {pond-01: 'hex:abc'}"))
                .hasMessage("platform.yaml: setting coap.dtls.keys.pond-01: the key after 'hex:' must be an even number of hex digits");
        assertThatThrownBy(() -> yaml("keys: [pond-01]"))
                .hasMessage("platform.yaml: setting coap.dtls.keys must be a mapping of names to values");
        assertThatThrownBy(() -> yaml("psk: {pond-01: pond-secret-key}"))
                .hasMessageStartingWith("platform.yaml: unknown setting coap.dtls.psk (known in coap.dtls: ");
        assertThatThrownBy(() -> yaml("keysFile: " + dir.resolve("missing")))
                .hasMessageStartingWith("platform.yaml: setting coap.dtls.keysFile cannot be read: ");
        Path file = dir.resolve("keys");
        Files.writeString(file, "pond-01=pond-secret-key\npond-01 pond-secret-key\n");
        assertThatThrownBy(() -> yaml("keysFile: " + file)).hasMessage(file + " line 2: expected <station id>=<secret>");
        Files.writeString(file, "pond-01=pond-secret-key\npond-01=pond-secret-key\n");
        assertThatThrownBy(() -> yaml("keys: {pond-01: pond-secret-key}\n    keysFile: " + file))
                .hasMessage(file + " line 1: station pond-01 has a key already");
    }

    private static PlatformConfig yaml(String dtlsLines) {
        return ConfigLoader.fromYaml("coap:\n  dtls:\n    " + dtlsLines + "\n", "platform.yaml", Map.of());
    }
}
