package io.agrisense.platform.alert;

import static io.agrisense.platform.alert.AlertScenario.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.platform.model.derived.DerivedReading;
import io.agrisense.platform.model.derived.DerivedSeries;
import io.agrisense.platform.model.derived.LatestReading;
import io.agrisense.protocol.StationId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ingest path in miniature: readings go to DerivedSeries, derived values to the engine like any metric. */
class DerivedSeriesRuleTest {

    private final AlertScenario s = new AlertScenario(RuleBook.defaults());
    private final DerivedSeries derived = new DerivedSeries();
    private final Map<String, LatestReading> latest = new HashMap<>();
    private final StationId barn = StationId.of("barn-2");

    private void ingest(String metric, double value) {
        latest.put(metric, new LatestReading(metric, s.clock.instant(), value));
        s.keep(s.engine.onReading(barn, "livestock_barn", metric, s.clock.instant(), value));
        for (DerivedReading d : derived.deriveAfter(barn, "livestock_barn", latest, metric)) {
            s.keep(s.engine.onReading(d.station(), "livestock_barn", d.metric(), d.time(), d.value()));
        }
    }

    @Test
    void aHotHumidAfternoonRaisesHeatStressFromTheDerivedThi() {
        // 35 Cel at 70 %RH: THI 88.9, moderate (79-88) for Armstrong
        for (int minute = 0; minute <= 30; minute++) {
            ingest("air_temperature", 35.0);
            ingest("relative_humidity", 70.0);
            s.after(minutes(1));
        }

        assertThat(s.log).extracting(t -> t.alert().ruleId()).containsExactly("barn-heat-stress-moderate");
        assertThat(s.log.get(0).alert().metric()).isEqualTo("thi");
        assertThat(s.log.get(0).alert().triggerValue()).isCloseTo(88.895, org.assertj.core.api.Assertions.within(1e-9));
    }
}
