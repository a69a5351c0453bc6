package io.agrisense.platform.model.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.platform.model.tracing.EpisodeWarning.Assessment;
import io.agrisense.platform.model.tracing.EpisodeWarning.Settings;
import io.agrisense.platform.model.tracing.EpisodeWarning.Warning;
import io.agrisense.platform.model.tracing.EpisodeWarning.Wind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Stations along 30.6° N: W (114.00° E), M (114.15°) and E (114.40°), and N north of M (30.80°, 114.15°). A PM2.5
 * episode arrives from the west on a 4 m/s wind: its front reaches each station at distance east of W / 4 m/s after
 * it reached W, and lifts PM2.5 from about 35 to 150 ug/m3 within half an hour.
 */
class EpisodeWarningTest {

    static final Instant START = Instant.parse("2024-12-01T00:00:00Z");
    static final Duration STEP = Duration.ofMinutes(10);
    static final Instant FRONT_AT_W = START.plus(Duration.ofHours(12));
    static final double WIND_SPEED = 4;
    static final GeoPoint W = new GeoPoint(30.6, 114.00);
    static final GeoPoint M = new GeoPoint(30.6, 114.15);
    static final GeoPoint E = new GeoPoint(30.6, 114.40);
    static final GeoPoint N = new GeoPoint(30.8, 114.15);
    static final Settings SETTINGS = new Settings(new OnsetDetector(36, 4, 2, 2.0), Duration.ofHours(6), 2, 30, 80);

    @Test
    void anEpisodeFromTheWestIsWarnedAtTheEasternStationBeforeItArrives() {
        Instant now = FRONT_AT_W.plus(Duration.ofMinutes(90));   // W and M have risen (M for 30 min), E not yet
        Assessment a = EpisodeWarning.evaluate(stations(), new Wind(270, WIND_SPEED), now, SETTINGS);

        assertThat(a.episode()).isTrue();
        assertThat(a.rising()).containsOnlyKeys("W", "M");
        assertThat(a.warnings()).singleElement().satisfies(w -> {
            assertThat(w.station()).isEqualTo("E");
            assertThat(w.upwindStation()).isEqualTo("M");
            assertThat(w.issuedAt()).isEqualTo(now);
            // the truth: the front reaches E 38.28 km / 4 m/s = 9,571 s (159.5 min) after W
            Instant truth = FRONT_AT_W.plusSeconds(Math.round(W.distanceKm(E) * 1000 / WIND_SPEED));
            assertThat(w.expectedArrival()).isAfter(now);
            assertThat(truth).isAfter(now);
            long errorSeconds = Math.abs(Duration.between(truth, w.expectedArrival()).toSeconds());
            assertThat(errorSeconds).isLessThanOrEqualTo(Duration.between(FRONT_AT_W, truth).toSeconds() / 10);
            assertThat(w.alongWindKm()).isCloseTo(23.93, within(0.05));
        });
        // N lies north of M, not downwind of anything that rose
        assertThat(a.warnings()).extracting(Warning::station).doesNotContain("N");
        // the front between W and M moved at about the wind speed
        assertThat(a.frontSpeedMps()).isBetween(3.0, 5.0);
    }

    @Test
    void aWindFromTheEastWarnsNobodyOfAnEpisodeComingFromTheWest() {
        Instant now = FRONT_AT_W.plus(Duration.ofMinutes(90));
        Assessment a = EpisodeWarning.evaluate(stations(), new Wind(90, WIND_SPEED), now, SETTINGS);
        assertThat(a.episode()).isFalse();
        assertThat(a.warnings()).isEmpty();
        assertThat(a.notes()).singleElement().asString().contains("do not follow the wind");
    }

    @Test
    void oneDriftingSensorIsNoEpisode() {
        List<StationSeries> stations = new ArrayList<>();
        stations.add(new StationSeries("W", W, series(1, i -> i >= 60 ? 2.0 * (i - 60) : 0)));   // +12 ug/m3 an hour
        stations.add(new StationSeries("M", M, series(2, i -> 0)));
        stations.add(new StationSeries("E", E, series(3, i -> 0)));
        Instant now = START.plus(STEP.multipliedBy(100));

        Assessment a = EpisodeWarning.evaluate(stations, new Wind(270, WIND_SPEED), now, SETTINGS);

        assertThat(a.rising()).containsOnlyKeys("W");
        assertThat(a.episode()).isFalse();
        assertThat(a.warnings()).isEmpty();
        assertThat(a.notes()).containsExactly("1 station(s) rising; an episode needs 2");
    }

    static List<StationSeries> stations() {
        List<StationSeries> out = new ArrayList<>();
        long seed = 1;
        for (Object[] s : new Object[][]{{"W", W}, {"M", M}, {"E", E}, {"N", N}}) {
            GeoPoint p = (GeoPoint) s[1];
            double eastKm = EpisodeWarning.alongWindKm(W, p, 90);
            Instant arrival = FRONT_AT_W.plusSeconds(Math.round(eastKm * 1000 / WIND_SPEED));
            out.add(new StationSeries((String) s[0], p, series(seed++, i -> {
                double minutes = Duration.between(arrival, START.plus(STEP.multipliedBy(i))).toSeconds() / 60.0;
                return minutes < 0 || p == N ? 0 : 115 * Math.min(1, minutes / 30);
            })));
        }
        return out;
    }

    static RegularSeries series(long seed, IntToDoubleFunction episode) {
        Random noise = new Random(seed);
        double[] v = new double[144];
        for (int i = 0; i < v.length; i++) {
            v[i] = 35 + 3 * noise.nextGaussian() + episode.applyAsDouble(i);
        }
        return new RegularSeries(START, STEP, v);
    }
}
