package io.agrisense.platform.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void parsesShortAndIsoForms() {
        assertThat(DurationText.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationText.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(DurationText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(DurationText.parse("PT15M")).isEqualTo(Duration.ofMinutes(15));
        assertThat(DurationText.parse("0s")).isZero();
    }

    @Test
    void formatsTheShortForm() {
        assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(DurationText.format(Duration.ofDays(1).plusHours(2))).isEqualTo("1d2h");
        assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void rejectsWhatIsNotADuration() {
        assertThatThrownBy(() -> DurationText.parse("15 minutes")).hasMessage(
                "'15 minutes' is not a duration like 90s, 15m, 1h30m, 2d or PT15M");
        assertThatThrownBy(() -> DurationText.parse("m")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> DurationText.parse("PTxM")).hasMessage("'PTxM' is not an ISO-8601 duration");
        assertThatThrownBy(() -> DurationText.parse(" ")).hasMessageContaining("required");
    }
}
