package io.agrisense.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PreSharedKeysTest {

    @Test
    void aSecretIsTextOrHexOfAtLeastEightBytes() {
        assertThat(PreSharedKeys.secret("pond-01", "pond-secret-key")).isEqualTo("pond-secret-key".getBytes(StandardCharsets.UTF_8));
        assertThat(PreSharedKeys.secret("pond-01", "hex:0011223344556677")).containsExactly(0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77);
        assertThatThrownBy(() -> PreSharedKeys.secret("pond-01", "short"))
                .hasMessage("a pre-shared key needs at least 8 bytes, this one has 5");
        assertThatThrownBy(() -> PreSharedKeys.secret("pond-01", "hex:abc"))
                .hasMessage("the key after 'hex:' must be an even number of hex digits");
        assertThatThrownBy(() -> PreSharedKeys.secret("pond.01", "pond-secret-key"))
                .hasMessage("'pond.01' is not a station id (1-64 characters of A-Z a-z 0-9 _ -)");
    }

    @Test
    void keysFileLinesAddOneKeyPerStationAndErrorsNameTheLine() {
        Map<String, byte[]> keys = new TreeMap<>();
        keys.put("pond-01", PreSharedKeys.secret("pond-01", "pond-secret-key"));
        PreSharedKeys.addLines("keys", List.of("# comment", "", " river-1 = hex:00112233445566778899 "), keys);
        assertThat(keys).containsOnlyKeys("pond-01", "river-1");
        assertThat(keys.get("river-1")).hasSize(10);

        assertThatThrownBy(() -> PreSharedKeys.addLines("keys", List.of("tea-1 tea-secret-key"), keys))
                .hasMessage("keys line 1: expected <station id>=<secret>");
        assertThatThrownBy(() -> PreSharedKeys.addLines("keys", List.of("", "tea-1=short"), keys))
                .hasMessage("keys line 2: a pre-shared key needs at least 8 bytes, this one has 5");
        assertThatThrownBy(() -> PreSharedKeys.addLines("keys", List.of("pond-01=another-secret"), keys))
                .hasMessage("keys line 1: station pond-01 has a key already");
    }
}
