package io.agrisense.platform.model.frost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.platform.model.TimedValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqrtTimeCoolingTest {

    private static final Instant T0 = Instant.parse("2024-03-10T12:15:00Z");

    @Test
    void ftrendCurveMatchesThePublishedHourlyExample() {
        // FTrend example (FAO 2005 ch. 5, as in the frost package's getTrend): T0 0.95 C two hours after sunset,
        // forecast minimum -5.45 C at sunrise 15 hours after sunset, i.e. 13 hours after T0
        SqrtTimeCooling night = SqrtTimeCooling.through(T0, 0.95, T0.plus(Duration.ofHours(13)), -5.45);

        assertThat(night.coefficient()).isCloseTo(-6.4 / Math.sqrt(13), within(1e-12));
        assertThat(night.temperatureAt(T0.plus(Duration.ofHours(1)))).isCloseTo(-0.8250406, within(1e-7));
        assertThat(night.temperatureAt(T0.plus(Duration.ofHours(4)))).isCloseTo(-2.6000813, within(1e-7));
        assertThat(night.temperatureAt(T0.plus(Duration.ofHours(10)))).isCloseTo(-4.6631713, within(1e-7));
        assertThat(night.temperatureAt(T0.plus(Duration.ofHours(13)))).isCloseTo(-5.45, within(1e-12));
        // the same example in Fahrenheit: 33.7 F at T0 to 22.2 F; hour 3 after sunset reads 30.51047 F
        SqrtTimeCooling fahrenheit = SqrtTimeCooling.through(T0, 33.7, T0.plus(Duration.ofHours(13)), 22.2);
        assertThat(fahrenheit.temperatureAt(T0.plus(Duration.ofHours(1)))).isCloseTo(30.51047, within(1e-5));
    }

    @Test
    void crossingInvertsTheSquareRootLaw() {
        SqrtTimeCooling night = SqrtTimeCooling.through(T0, 0.95, T0.plus(Duration.ofHours(13)), -5.45);
        // 0 C when sqrt(h) = 0.95 / 1.77504 -> h = 0.28644 h = 17.19 min
        Instant zero = night.crossing(0).orElseThrow();
        assertThat(Duration.between(T0, zero).toMillis() / 3_600_000.0).isCloseTo(0.95 * 0.95 * 13 / (6.4 * 6.4), within(1e-6));
        assertThat(night.crossing(-6)).hasValueSatisfying(t -> assertThat(t).isAfter(T0.plus(Duration.ofHours(13))));
        assertThat(night.crossing(5)).contains(T0); // already colder at T0
        assertThat(SqrtTimeCooling.through(T0, 3, T0.plus(Duration.ofHours(10)), 4).crossing(0)).isEmpty();
    }

    @Test
    void fitRecoversTheCurveFromReadings() {
        List<TimedValue> readings = new ArrayList<>();
        for (int minutes = 0; minutes <= 120; minutes += 10) {
            double hours = minutes / 60.0;
            readings.add(TimedValue.of(T0.plusSeconds(minutes * 60L), 6.0 - 2.0 * Math.sqrt(hours) + (minutes % 20 == 0 ? 0.05 : -0.05)));
        }
        SqrtTimeCooling fitted = SqrtTimeCooling.fit(T0, readings, 3, Duration.ofHours(1)).orElseThrow();

        assertThat(fitted.coefficient()).isCloseTo(-2.0, within(0.1));
        assertThat(fitted.temperature()).isCloseTo(6.0, within(0.1));
        assertThat(fitted.predictionStdError(T0.plus(Duration.ofHours(9)))).isBetween(0.04, 0.3);
        assertThat(SqrtTimeCooling.fit(T0, readings.subList(0, 2), 3, Duration.ofHours(1))).isEmpty();
        assertThat(SqrtTimeCooling.fit(T0, readings.subList(0, 5), 3, Duration.ofHours(1))).isEmpty(); // 40 min only
    }
}
