package io.agrisense.platform.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.platform.model.warning.SignalLevel;
import org.junit.jupiter.api.Test;

class SignalSeverityTest {

    @Test
    void blueInformsYellowWarnsOrangeAndRedAreCritical() {
        assertThat(SignalSeverity.of(SignalLevel.BLUE)).isEqualTo(Severity.INFO);
        assertThat(SignalSeverity.of(SignalLevel.YELLOW)).isEqualTo(Severity.WARNING);
        assertThat(SignalSeverity.of(SignalLevel.ORANGE)).isEqualTo(Severity.CRITICAL);
        assertThat(SignalSeverity.of(SignalLevel.RED)).isEqualTo(Severity.CRITICAL);
    }
}
