package io.agrisense.platform.model.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.platform.model.tracing.RiverPlumeTracer.Discharge;
import io.agrisense.platform.model.tracing.RiverPlumeTracer.Passage;
import io.agrisense.platform.model.tracing.RiverPlumeTracer.RiverStation;
import io.agrisense.platform.model.tracing.RiverPlumeTracer.Settings;
import io.agrisense.platform.model.tracing.RiverPlumeTracer.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A synthetic river: stations A (km 0), B (km 18) and C (km 45), ammonia nitrogen every 10 minutes for three days.
 * A discharge at a known place and time travels down at 0.5 m/s as a Gaussian pulse that spreads as it goes
 * (width growing with the square root of the distance, mass kept), over noise of 0.03 mg/L.
 */
class RiverPlumeTracerTest {

    static final Instant START = Instant.parse("2024-06-01T00:00:00Z");
    static final Duration STEP = Duration.ofMinutes(10);
    static final Instant DISCHARGE = START.plus(Duration.ofHours(12));
    static final double SPEED = 0.5;
    static final OnsetDetector ONSET = new OnsetDetector(36, 4, 3, 0.02);
    static final Settings KNOWN_SPEED = Settings.knownSpeed(ONSET, SPEED, 0.3, 0.6);

    @Test
    void aDischargeAtTheFirstStationIsFollowedDownAtTheRightTravelTimes() {
        Trace trace = RiverPlumeTracer.trace(river(0), KNOWN_SPEED);

        assertThat(trace.passages()).extracting(Passage::upstream, Passage::downstream)
                .containsExactly(tuple("A", "B"), tuple("B", "C"));
        Passage ab = trace.passages().get(0);
        Passage bc = trace.passages().get(1);
        // true travel times: 18 km / 0.5 m/s = 36,000 s (10 h); 27 km: 54,000 s (15 h); within 10 %
        assertThat(ab.travelTime().toSeconds()).isCloseTo(36_000L, within(3_600L));
        assertThat(bc.travelTime().toSeconds()).isCloseTo(54_000L, within(5_400L));
        assertThat(ab.expectedTravelTime()).isEqualTo(Duration.ofHours(10));
        assertThat(ab.correlation()).isGreaterThan(0.9);
        assertThat(ab.downstreamOnset()).isAfter(ab.upstreamOnset());

        Discharge d = trace.discharge().orElseThrow();
        assertThat(d.above()).isNull();                 // already in the river at the first station
        assertThat(d.below()).isEqualTo("A");
        // the pulse (sigma 40 min) is seen rising at A before its centre: within 2 h before the true time
        assertThat(d.passedAt()).isBetween(DISCHARGE.minus(Duration.ofHours(2)), DISCHARGE.plus(STEP));
        assertThat(d.estimate()).isNull();
    }

    @Test
    void aDischargeBetweenTwoStationsIsPlacedInThatReachAndTimeWindow() {
        // the discharge at km 8, between A (km 0) and B (km 18): A never sees it
        Trace trace = RiverPlumeTracer.trace(river(8), KNOWN_SPEED);

        assertThat(trace.passages()).extracting(Passage::upstream).containsExactly("B");
        Discharge d = trace.discharge().orElseThrow();
        assertThat(d.above()).isEqualTo("A");
        assertThat(d.below()).isEqualTo("B");
        // the window is the reach's travel time (10 h) before the passage at B, and holds the true time
        assertThat(Duration.between(d.earliest(), d.passedAt())).isEqualTo(Duration.ofHours(10));
        assertThat(DISCHARGE).isBetween(d.earliest(), d.passedAt());
        assertThat(Duration.between(d.estimate(), d.passedAt())).isEqualTo(Duration.ofHours(5));
        // B rises about (10 km / 0.5 m/s = 5.6 h) after the discharge, less the early rise of the spread pulse
        assertThat(Duration.between(DISCHARGE, d.passedAt()).toMinutes()).isBetween(180L, 340L);
    }

    @Test
    void withoutAKnownSpeedTheSpeedIsEstimatedFromTheLags() {
        Settings estimate = Settings.estimatedSpeed(ONSET, Duration.ofHours(1), Duration.ofHours(30), 0.6);
        Trace trace = RiverPlumeTracer.trace(river(0), estimate);

        assertThat(trace.passages()).hasSize(2);
        for (Passage p : trace.passages()) {
            assertThat(p.speedMps()).isCloseTo(SPEED, within(0.05));
            assertThat(p.expectedTravelTime()).isNull();
        }
        assertThat(trace.discharge().orElseThrow().speedMps()).isCloseTo(SPEED, within(0.05));
    }

    @Test
    void aRiseDownstreamAtTheWrongTimeIsNotTheSamePlume() {
        // B rises only 3 h after A, where 10 h are expected: two events, the one at B arose between A and B
        List<RiverStation> stations = List.of(
                new RiverStation("A", 0, series(t -> pulse(t, DISCHARGE, 40), 1)),
                new RiverStation("B", 18, series(t -> pulse(t, DISCHARGE.plus(Duration.ofHours(3)), 40), 2)));
        Trace trace = RiverPlumeTracer.trace(stations, KNOWN_SPEED);

        assertThat(trace.passages()).isEmpty();
        assertThat(trace.notes()).singleElement().asString().startsWith("A -> B");
        assertThat(trace.discharge().orElseThrow().below()).isEqualTo("B");
        assertThat(trace.discharge().orElseThrow().above()).isEqualTo("A");
    }

    @Test
    void aQuietRiverHasNoDischarge() {
        List<RiverStation> quiet = List.of(new RiverStation("A", 0, series(t -> 0.0, 1)), new RiverStation("B", 18, series(t -> 0.0, 2)));
        Trace trace = RiverPlumeTracer.trace(quiet, KNOWN_SPEED);
        assertThat(trace.passages()).isEmpty();
        assertThat(trace.discharge()).isEmpty();
    }

    /** Stations A, B, C with the plume of a discharge at {@code dischargeKm}; stations above it see nothing. */
    static List<RiverStation> river(double dischargeKm) {
        double[][] stations = {{0, 1}, {18, 2}, {45, 3}};
        String[] names = {"A", "B", "C"};
        RiverStation[] out = new RiverStation[3];
        for (int k = 0; k < 3; k++) {
            double km = stations[k][0] - dischargeKm;
            Function<Instant, Double> plume = km < 0 ? t -> 0.0 : t -> {
                double sigmaMinutes = 40 * Math.sqrt(1 + km / 10);
                Instant centre = DISCHARGE.plusSeconds(Math.round(km * 1000 / SPEED));
                return pulse(t, centre, sigmaMinutes) * 40 / sigmaMinutes;
            };
            out[k] = new RiverStation(names[k], stations[k][0], series(plume, (long) stations[k][1]));
        }
        return List.of(out);
    }

    /** A Gaussian pulse of 2 mg/L centred on {@code centre}. */
    static double pulse(Instant t, Instant centre, double sigmaMinutes) {
        double minutes = Duration.between(centre, t).toSeconds() / 60.0;
        return 2.0 * Math.exp(-minutes * minutes / (2 * sigmaMinutes * sigmaMinutes));
    }

    static RegularSeries series(Function<Instant, Double> plume, long seed) {
        Random noise = new Random(seed);
        double[] v = new double[3 * 144];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.3 + plume.apply(START.plus(STEP.multipliedBy(i))) + 0.03 * noise.nextGaussian();
        }
        return new RegularSeries(START, STEP, v);
    }
}
