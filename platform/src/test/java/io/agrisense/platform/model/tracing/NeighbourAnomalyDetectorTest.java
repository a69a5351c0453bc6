package io.agrisense.platform.model.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agrisense.platform.model.tracing.NeighbourAnomalyDetector.Finding;
import io.agrisense.platform.model.tracing.NeighbourAnomalyDetector.Kind;
import io.agrisense.platform.model.tracing.NeighbourAnomalyDetector.LikelyCause;
import io.agrisense.platform.model.tracing.NeighbourAnomalyDetector.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Five PM2.5 stations within 6 km of each other in Wuhan, every 10 minutes for two days, sharing a diurnal cycle and
 * each with its own noise (sigma 2 ug/m3), plus a sixth station 40 km away that is nobody's neighbour.
 */
class NeighbourAnomalyDetectorTest {

    static final Instant START = Instant.parse("2024-05-01T00:00:00Z");
    static final Duration STEP = Duration.ofMinutes(10);
    static final int N = 288;
    static final GeoPoint[] POSITIONS = {new GeoPoint(30.60, 114.30), new GeoPoint(30.65, 114.30),
            new GeoPoint(30.55, 114.30), new GeoPoint(30.60, 114.35), new GeoPoint(30.60, 114.25)};
    static final Settings SETTINGS = new Settings(15, 3, 3.5, 6, 36, 1.0, 0.5);

    @Test
    void aDriftingSensorIsALocalAnomalyThatLooksLikeDrift() {
        // station s0 drifts up by 0.25 ug/m3 every 10 minutes from index 100 (1.5 ug/m3 an hour) to the end
        List<StationSeries> stations = network(k -> i -> k == 0 && i >= 100 ? 0.25 * (i - 100) : 0);

        List<Finding> findings = NeighbourAnomalyDetector.detect(stations, SETTINGS);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.station()).isEqualTo("s0");
            assertThat(f.kind()).isEqualTo(Kind.LOCAL);
            assertThat(f.cause()).isEqualTo(LikelyCause.SENSOR_DRIFT);
            assertThat(f.ongoing()).isTrue();
            assertThat(f.peakZ()).isGreaterThan(3.5);
            assertThat(f.risenFraction()).isZero();
            assertThat(f.neighbours()).containsExactlyInAnyOrder("s1", "s2", "s3", "s4");
            // flagged once the drift exceeds 3.5 sigma of the neighbours' spread (about 7 ug/m3): hours after it began
            assertThat(f.from()).isAfter(START.plus(STEP.multipliedBy(110)));
            assertThat(f.to()).isEqualTo(START.plus(STEP.multipliedBy(N - 1)));
        });
    }

    @Test
    void aNearbySourceIsALocalAnomalyThatJumped() {
        // s1 is downwind of a chimney for eight hours: +40 ug/m3 from index 150 to 197
        List<StationSeries> stations = network(k -> i -> k == 1 && i >= 150 && i < 198 ? 40 : 0);

        List<Finding> findings = NeighbourAnomalyDetector.detect(stations, SETTINGS);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.station()).isEqualTo("s1");
            assertThat(f.kind()).isEqualTo(Kind.LOCAL);
            assertThat(f.cause()).isEqualTo(LikelyCause.LOCAL_SOURCE);
            assertThat(f.ongoing()).isFalse();
            assertThat(f.from()).isEqualTo(START.plus(STEP.multipliedBy(150)));
            assertThat(f.to()).isEqualTo(START.plus(STEP.multipliedBy(197)));
        });
    }

    @Test
    void anEpisodeReachingOneStationFirstIsRegional() {
        // +60 ug/m3 reaches s0 at index 100 and the other four two hours later
        List<StationSeries> stations = network(k -> i -> i >= (k == 0 ? 100 : 112) ? 60 : 0);

        List<Finding> findings = NeighbourAnomalyDetector.detect(stations, SETTINGS);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.station()).isEqualTo("s0");
            assertThat(f.kind()).isEqualTo(Kind.REGIONAL);
            assertThat(f.cause()).isNull();
            assertThat(f.risenFraction()).isEqualTo(1.0);
            assertThat(f.to()).isEqualTo(START.plus(STEP.multipliedBy(111)));
        });
    }

    @Test
    void anEpisodeEverywhereAtOnceIsNoAnomalyAtAll() {
        assertThat(NeighbourAnomalyDetector.detect(network(k -> i -> i >= 100 ? 60 : 0), SETTINGS)).isEmpty();
    }

    @Test
    void aStationWithoutEnoughNeighboursIsNotJudged() {
        List<StationSeries> stations = new ArrayList<>(network(k -> i -> 0));
        stations.add(new StationSeries("far", new GeoPoint(30.95, 114.30), series(9, i -> 500)));
        assertThat(NeighbourAnomalyDetector.detect(stations, SETTINGS)).isEmpty();
        assertThatThrownBy(() -> new Settings(15, 1, 3.5, 6, 36, 1, 0.5)).hasMessageContaining("at least 2 neighbours");
    }

    /** The five close stations, station k adding {@code extra.apply(k)} at each index. */
    static List<StationSeries> network(IntFunction<IntToDoubleFunction> extra) {
        List<StationSeries> out = new ArrayList<>();
        for (int k = 0; k < POSITIONS.length; k++) {
            out.add(new StationSeries("s" + k, POSITIONS[k], series(k, extra.apply(k))));
        }
        return out;
    }

    static RegularSeries series(long seed, IntToDoubleFunction extra) {
        Random noise = new Random(seed);
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = 40 + 10 * Math.sin(2 * Math.PI * i / 144) + 2 * noise.nextGaussian() + extra.applyAsDouble(i);
        }
        return new RegularSeries(START, STEP, v);
    }
}
