package io.agrisense.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PskCipherTest {

    private final PskCipher cipher = PskCipher.fromBase64(PskCipher.newKeyBase64());
    private final byte[] key = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aKeyComesBackOnlyForItsStationAndItsSecretKey() {
        byte[] sealed = cipher.encrypt("pond-1", key);
        assertThat(sealed).hasSize(12 + key.length + 16);
        assertThat(cipher.decrypt("pond-1", sealed)).isEqualTo(key);
        assertThatThrownBy(() -> cipher.decrypt("pond-2", sealed)).hasMessageContaining("does not decrypt");
        PskCipher other = PskCipher.fromBase64(PskCipher.newKeyBase64());
        assertThatThrownBy(() -> other.decrypt("pond-1", sealed)).hasMessageContaining("was the key changed");
    }

    @Test
    void eachSealingUsesAFreshNonce() {
        assertThat(cipher.encrypt("pond-1", key)).isNotEqualTo(cipher.encrypt("pond-1", key));
    }

    @Test
    void refusesAKeyOfTheWrongSize() {
        assertThatThrownBy(() -> PskCipher.fromBase64("c2hvcnQ=")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> PskCipher.fromBase64("not base64!")).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> cipher.decrypt("pond-1", new byte[5])).hasMessageContaining("truncated");
    }
}
