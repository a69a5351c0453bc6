package io.agrisense.platform.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.platform.model.derived.DerivedSeries;
import io.agrisense.platform.model.DewPoint;
import io.agrisense.platform.model.TemperatureHumidityIndex;
import io.agrisense.platform.store.StoredReading;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DerivedSeriesStreamTest {

    private static final Instant T = Instant.parse("2026-07-04T02:00:00Z");
    private final DerivedSeriesVerticle models = new DerivedSeriesVerticle(r -> {
        throw new AssertionError("not written in this test");
    }, new DerivedSeries(), new SimpleMeterRegistry());

    private static StoredReading r(String metric, long seconds, double value) {
        return new StoredReading("barn-1", "livestock_barn", metric, T.plusSeconds(seconds), value);
    }

    @Test
    void aReplayedBacklogGetsADerivedValueForEachTimeFromThatTimesInputs() {
        List<StoredReading> out = models.derive(List.of(
                r("relative_humidity", 60, 70), r("air_temperature", 0, 30), r("relative_humidity", 0, 60),
                r("air_temperature", 60, 31)));

        assertThat(out).extracting(StoredReading::metric, StoredReading::time).containsExactly(
                tuple("dew_point", T), tuple("thi", T), tuple("dew_point", T.plusSeconds(60)), tuple("thi", T.plusSeconds(60)));
        assertThat(out.get(1).value()).isCloseTo(TemperatureHumidityIndex.of(30, 60), within(1e-12));
        assertThat(out.get(2).value()).isCloseTo(DewPoint.celsius(31, 70), within(1e-12));
        assertThat(out).allSatisfy(d -> assertThat(d.profile()).isEqualTo("livestock_barn"));
    }

    @Test
    void derivedReadingsComingBackAreNotInputsAndNothingIsDerivedTwiceAtOneTime() {
        models.derive(List.of(r("air_temperature", 0, 30), r("relative_humidity", 0, 60)));

        assertThat(models.derive(List.of(r("thi", 0, 80), r("dew_point", 0, 21)))).as("no loop").isEmpty();
        assertThat(models.derive(List.of(r("relative_humidity", 0, 60)))).as("a duplicate input").isEmpty();
        assertThat(models.derive(List.of(r("cpu_temperature", 10, 50)))).as("health metrics feed no model").isEmpty();
    }
}
