package io.agrisense.platform.model.wind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.platform.model.wind.WindAveraging.WindMean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindAveragingTest {

    static final Instant T = Instant.parse("2024-05-01T06:00:00Z");

    @Test
    void theMeanOf350And10DegreesIsNorthNotSouth() {
        List<WindObservation> obs = List.of(at(-90, 5, 350), at(-30, 5, 10));
        WindMean m = WindAveraging.mean(obs, T, WindAveraging.TWO_MINUTES).orElseThrow();
        // u cancels; v = -5 cos 10° = -4.924: a north wind of 4.924 m/s, while the mean of the angles would say 180°
        assertThat(m.directionDegrees()).isCloseTo(0.0, within(1e-9));
        assertThat(m.vectorSpeed()).isCloseTo(4.9240, within(1e-4));
        assertThat(m.scalarSpeed()).isEqualTo(5.0);
        assertThat(m.steadiness()).isCloseTo(0.9848, within(1e-4));
        assertThat(m.samples()).isEqualTo(2);
    }

    @Test
    void vectorsWeighBySpeed() {
        // 2 m/s from N: (u, v) = (0, -2); 4 m/s from E: (-4, 0); mean (-2, -1): from atan2(2, 1) = 63.43°, |v| = 2.236
        WindMean m = WindAveraging.mean(List.of(at(-60, 2, 0), at(-1, 4, 90)), T, WindAveraging.TWO_MINUTES).orElseThrow();
        assertThat(m.directionDegrees()).isCloseTo(63.435, within(1e-3));
        assertThat(m.vectorSpeed()).isCloseTo(Math.sqrt(5), within(1e-9));
        assertThat(m.scalarSpeed()).isEqualTo(3.0);
    }

    @Test
    void opposingWindsCancelAndLeaveNoDirection() {
        WindMean m = WindAveraging.mean(List.of(at(-60, 3, 90), at(-30, 3, 270)), T, WindAveraging.TWO_MINUTES).orElseThrow();
        assertThat(m.directionDegrees()).isNull();
        assertThat(m.vectorSpeed()).isCloseTo(0, within(1e-12));
        assertThat(m.scalarSpeed()).isEqualTo(3.0);
    }

    @Test
    void theWindowIsTheLastTwoOrTenMinutesEndingAtTheReportTime() {
        List<WindObservation> obs = List.of(at(-600, 9, 180), at(-120, 9, 180), at(-119, 3, 270), at(0, 3, 270), at(1, 9, 0));
        WindMean two = WindAveraging.mean(obs, T, WindAveraging.TWO_MINUTES).orElseThrow();
        assertThat(two.samples()).isEqualTo(2);   // (T-2min, T]: the sample at exactly T-2min belongs to the window before
        assertThat(two.directionDegrees()).isCloseTo(270, within(1e-9));
        WindMean ten = WindAveraging.mean(obs, T, WindAveraging.TEN_MINUTES).orElseThrow();
        assertThat(ten.samples()).isEqualTo(3);
        assertThat(WindAveraging.mean(obs, T.minusSeconds(3600), WindAveraging.TEN_MINUTES)).isEmpty();
    }

    @Test
    void theGustIsTheLargestThreeSecondRunningMean() {
        double[] speeds = {5, 5, 5, 9, 10, 11, 5, 5};
        List<WindObservation> obs = new ArrayList<>();
        for (int i = 0; i < speeds.length; i++) {
            obs.add(at(i, speeds[i], 200));
        }
        // running means 5, 6.33, 8, 10, 8.67, 7: the gust is 10 (9, 10, 11), not the single 11
        assertThat(WindAveraging.gust(obs, Duration.ofSeconds(1))).hasValue(10.0);

        // the 11 arrives 2 s after the 10: the window through the gap is not a 3-s mean
        obs.set(5, at(6, 11, 200));
        obs.set(6, at(7, 5, 200));
        obs.set(7, at(8, 5, 200));
        assertThat(WindAveraging.gust(obs, Duration.ofSeconds(1)).getAsDouble()).isCloseTo(8.0, within(1e-12));

        // WMO's 0.25 s sampling: twelve samples to a 3-s mean; a burst of eight samples at 20 m/s among 10 m/s
        List<WindObservation> fast = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            fast.add(new WindObservation(T.plusMillis(250L * i), i >= 10 && i < 18 ? 20 : 10, 90));
        }
        assertThat(WindAveraging.gust(fast, Duration.ofMillis(250)).getAsDouble()).isCloseTo((8 * 20 + 4 * 10) / 12.0, within(1e-12));
        assertThat(WindAveraging.gust(fast.subList(0, 11), Duration.ofMillis(250))).isEmpty();
        assertThatThrownBy(() -> WindAveraging.gust(fast, Duration.ofMillis(700))).hasMessageContaining("dividing 3 s");
    }

    @Test
    void impossibleObservationsAreRefused() {
        assertThatThrownBy(() -> at(0, -1, 10)).hasMessageContaining("must be a finite value >= 0");
        assertThatThrownBy(() -> at(0, 1, 361)).hasMessageContaining("within 0..360");
    }

    static WindObservation at(int seconds, double speed, double direction) {
        return new WindObservation(T.plusSeconds(seconds), speed, direction);
    }
}
