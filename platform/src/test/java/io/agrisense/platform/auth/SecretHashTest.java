package io.agrisense.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretHashTest {

    /** A line written by Mosquitto 2.0.11's own {@code mosquitto_passwd -b -c pw.txt alice secret1}. */
    private static final String MOSQUITTO_PASSWD_LINE =
            "$7$101$8C13KL2EyuivwWxk$E5iD7t6osw2+htg0q/riWoiOqBQd1LKSXLtx6LogD+sAol43V0Nx7/Nl0UWMJ+ZhvCdAgB2CvgN1OeLiqQihNQ==";

    @Test
    void verifiesAHashThatMosquittoPasswdWrote() {
        assertThat(SecretHash.matches("secret1", MOSQUITTO_PASSWD_LINE)).isTrue();
        assertThat(SecretHash.matches("secret2", MOSQUITTO_PASSWD_LINE)).isFalse();
    }

    @Test
    void hashesInMosquittosFormatWithTheOwaspIterationCount() {
        String h = SecretHash.hash("pond.secret");
        assertThat(h).matches("\\$7\\$210000\\$[A-Za-z0-9+/]{16}\\$[A-Za-z0-9+/]{86}==");
        assertThat(SecretHash.matches("pond.secret", h)).isTrue();
        assertThat(SecretHash.matches("pond.secreT", h)).isFalse();
        assertThat(SecretHash.hash("pond.secret")).as("a fresh salt each time").isNotEqualTo(h);
    }

    @Test
    void aMalformedStoredValueNeverMatches() {
        assertThat(SecretHash.matches("x", null)).isFalse();
        assertThat(SecretHash.matches(null, MOSQUITTO_PASSWD_LINE)).isFalse();
        assertThat(SecretHash.matches("x", "$6$101$abc$def")).isFalse();
        assertThat(SecretHash.matches("x", "$7$notanumber$abc$def")).isFalse();
        assertThat(SecretHash.matches("x", "$7$101$!!$def")).isFalse();
        assertThat(SecretHash.matches("x", "$7$0$8C13KL2EyuivwWxk$E5iD")).isFalse();
        assertThat(SecretHash.matches("x", "$7$101$8C13KL2EyuivwWxk$")).isFalse();
    }
}
