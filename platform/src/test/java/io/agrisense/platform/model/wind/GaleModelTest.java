package io.agrisense.platform.model.wind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.platform.model.TimedValue;
import io.agrisense.platform.model.warning.SignalLevel;
import io.agrisense.platform.model.warning.Warning;
import io.agrisense.protocol.StationId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GaleModelTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final StationId ORCHARD = StationId.of("orchard-01");
    private static final Instant NOW = Instant.parse("2024-04-02T08:00:00Z");

    private final GaleModel model = new GaleModel();

    /** One reading a minute over the last ten minutes. */
    private static GaleModel.Anemometer anemometer(double height, double... speeds) {
        List<TimedValue> out = new ArrayList<>();
        for (int i = 0; i < speeds.length; i++) {
            out.add(TimedValue.of(NOW.minusSeconds(60L * (speeds.length - 1 - i)), speeds[i]));
        }
        return new GaleModel.Anemometer(ORCHARD, CHINA, height, out);
    }

    @Test
    void beaufortForcesFollowGbT28591() {
        assertThat(BeaufortScale.force(0.2)).isZero();
        assertThat(BeaufortScale.force(0.3)).isEqualTo(1);
        assertThat(BeaufortScale.force(10.7)).isEqualTo(5);
        assertThat(BeaufortScale.force(10.8)).isEqualTo(6);
        assertThat(BeaufortScale.force(13.8)).isEqualTo(6);
        assertThat(BeaufortScale.force(13.9)).isEqualTo(7);
        assertThat(BeaufortScale.force(17.2)).isEqualTo(8);
        assertThat(BeaufortScale.force(32.6)).isEqualTo(11);
        assertThat(BeaufortScale.force(32.7)).isEqualTo(12);
        assertThat(BeaufortScale.force(56.0)).isEqualTo(16);
        assertThat(BeaufortScale.force(56.1)).isEqualTo(17);
        assertThat(BeaufortScale.force(70)).isEqualTo(17);
        assertThat(BeaufortScale.lowerBound(6)).isEqualTo(10.8);
        assertThat(BeaufortScale.lowerBound(13)).isEqualTo(37.0);
        assertThatThrownBy(() -> BeaufortScale.force(-1)).hasMessageContaining(">= 0");
    }

    @Test
    void gustsOfForceSevenAtTenMetresGiveTheBlueSignal() {
        Warning warning = model.assess(anemometer(10, 8, 9, 10, 15, 9, 8, 9, 10, 8, 9), NOW).orElseThrow();

        assertThat(warning.level()).isEqualTo(SignalLevel.BLUE);
        assertThat(warning.quantity("mean_wind_10m").orElseThrow()).isCloseTo(9.5, within(1e-9));
        assertThat(warning.quantity("gust_force").orElseThrow()).isEqualTo(7);
        assertThat(warning.leadTime()).isZero();
        assertThat(warning.message()).isEqualTo("gale blue signal: gusts 15.0 m/s (force 7), mean 9.5 m/s (force 5) at 10 m;"
                + " secure greenhouse covers, shade nets and loose equipment, stay out of the orchard");
    }

    @Test
    void aTwoMetreAnemometerIsCarriedToTenMetres() {
        // factor ln(672.58) / ln(130.18) = 1.3373: a 2 m mean of 13 m/s is 17.4 m/s (force 8) at 10 m
        Warning warning = model.assess(anemometer(2, 13, 13, 13, 13, 13), NOW).orElseThrow();
        assertThat(warning.quantity("mean_wind_10m").orElseThrow()).isCloseTo(13 * 1.33727, within(1e-3));
        assertThat(warning.level()).isEqualTo(SignalLevel.YELLOW);
        assertThat(model.assess(anemometer(10, 26, 25, 33), NOW).orElseThrow().level()).isEqualTo(SignalLevel.ORANGE); // gust 11
    }

    @Test
    void breezeIsSilentAndSilenceIsAnError() {
        assertThat(model.assess(anemometer(10, 4, 5, 6, 7), NOW)).isEmpty();
        assertThatThrownBy(() -> model.assess(new GaleModel.Anemometer(ORCHARD, CHINA, 10, List.of()), NOW))
                .hasMessageContaining("no wind reading");
    }
}
