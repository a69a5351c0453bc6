package io.agrisense.platform.model.wind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.platform.model.TimedValue;
import io.agrisense.platform.model.wind.PollutionRose.Cell;
import io.agrisense.platform.model.wind.PollutionRose.Sample;
import io.agrisense.platform.model.wind.PollutionRose.SpeedClasses;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PollutionRoseTest {

    static final Instant T = Instant.parse("2024-05-01T00:00:00Z");

    @ParameterizedTest(name = "{0}° -> sector {1}")
    @CsvSource({"0, 0", "11.24, 0", "11.25, 1", "90, 4", "180, 8", "348.74, 15", "348.75, 0", "360, 0"})
    void sixteenSectorsCentredOnTheCompassPoints(double degrees, int sector) {
        assertThat(PollutionRose.sectorOf(degrees)).isEqualTo(sector);
    }

    @Test
    void aSourceToTheEastShowsInTheEastSector() {
        List<Sample> samples = new ArrayList<>();
        double[] east = {100, 110, 120, 130};
        for (int i = 0; i < east.length; i++) {
            samples.add(sample(i, 90, 3, east[i]));
        }
        samples.add(sample(4, 92, 7, 50));
        samples.add(sample(5, 92, 7, 60));
        samples.add(sample(6, 270, 3, 10));
        samples.add(sample(7, 270, 3, 12));
        samples.add(sample(8, 270, 3, 14));
        samples.add(sample(9, 40, 0.2, 80));   // calm: no direction

        PollutionRose rose = PollutionRose.of(samples, SpeedClasses.DEFAULT, 0.5, 0.95);

        assertThat(rose.total()).isEqualTo(10);
        assertThat(rose.cells()).hasSize(3);
        Cell eastModerate = rose.cells().get(0);
        assertThat(eastModerate.label()).isEqualTo("E");
        assertThat(eastModerate.centreDegrees()).isEqualTo(90.0);
        assertThat(eastModerate.speedFrom()).isEqualTo(2.0);
        assertThat(eastModerate.speedTo()).isEqualTo(4.0);
        assertThat(eastModerate.summary().count()).isEqualTo(4);
        assertThat(eastModerate.summary().mean()).isEqualTo(115.0);
        // p95: h = 3 * 0.95 = 2.85 -> 120 + 0.85 * 10 = 128.5
        assertThat(eastModerate.summary().quantiles()).containsEntry("p50", 115.0);
        assertThat(eastModerate.summary().quantiles().get("p95")).isCloseTo(128.5, within(1e-9));

        Cell eastStrong = rose.cells().get(1);
        assertThat(eastStrong.speedClass()).isEqualTo(3);
        assertThat(eastStrong.speedFrom()).isEqualTo(6.0);
        assertThat(eastStrong.speedTo()).isNull();
        assertThat(eastStrong.summary().mean()).isEqualTo(55.0);

        assertThat(rose.cells().get(2).label()).isEqualTo("W");
        assertThat(rose.cells().get(2).summary().mean()).isEqualTo(12.0);
        assertThat(rose.sectors()).hasSize(16);
        assertThat(rose.sectors().get(4).summary().count()).isEqualTo(6);
        assertThat(rose.sectors().get(4).summary().mean()).isCloseTo(570.0 / 6, within(1e-9));
        assertThat(rose.sectors().get(0).summary().count()).isZero();
        assertThat(rose.sectors().get(0).summary().mean()).isNull();
        assertThat(rose.calm().count()).isEqualTo(1);
        assertThat(rose.calm().mean()).isEqualTo(80.0);
        assertThat(rose.from()).isEqualTo(T);
        assertThat(rose.to()).isEqualTo(T.plus(Duration.ofHours(9)));
    }

    @Test
    void concentrationsArePairedWithTheNearestWind() {
        List<TimedValue> pm = List.of(TimedValue.of(T, 30), TimedValue.of(T.plusSeconds(600), 40), TimedValue.of(T.plusSeconds(1500), 50));
        List<WindObservation> wind = List.of(new WindObservation(T.plusSeconds(60), 2, 45), new WindObservation(T.plusSeconds(540), 3, 135));

        List<Sample> paired = PollutionRose.pair(pm, wind, Duration.ofMinutes(5));

        assertThat(paired).containsExactly(new Sample(T, 45, 2, 30), new Sample(T.plusSeconds(600), 135, 3, 40));
    }

    @Test
    void quantileKeysAndBadInput() {
        assertThat(PollutionRose.key(0.5)).isEqualTo("p50");
        assertThat(PollutionRose.key(0.999)).isEqualTo("p99.9");
        assertThatThrownBy(() -> new SpeedClasses(0.5, List.of(2.0, 1.0))).hasMessageContaining("must rise");
        assertThatThrownBy(() -> PollutionRose.of(List.of(sample(0, 400, 1, 1)), SpeedClasses.DEFAULT))
                .hasMessageContaining("direction must be 0..360");
        assertThatThrownBy(() -> PollutionRose.of(List.of(), SpeedClasses.DEFAULT, 2)).hasMessageContaining("within 0..1");
    }

    static Sample sample(int hour, double direction, double speed, double concentration) {
        return new Sample(T.plus(Duration.ofHours(hour)), direction, speed, concentration);
    }
}
