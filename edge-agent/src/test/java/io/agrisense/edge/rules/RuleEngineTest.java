package io.agrisense.edge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.edge.config.RuleConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleEngineTest {

    private static final long S = 1_000_000_000L;
    private final RuleConfig lowDo = new RuleConfig("low_do", "dissolved_oxygen", null, RuleConfig.Comparison.BELOW, 3.0,
            Duration.ofMinutes(2), "aerator", Duration.ofMinutes(30), Duration.ofMinutes(30));
    private final RuleConfig drySoil = new RuleConfig("dry", "soil_moisture", "soil_a", RuleConfig.Comparison.BELOW, 18,
            Duration.ZERO, "valve", Duration.ofMinutes(10), Duration.ofHours(1));

    @Test
    void firesOnlyAfterTheConditionHeldForItsDuration() {
        RuleEngine engine = new RuleEngine(List.of(lowDo));
        assertThat(engine.onReading("do", "dissolved_oxygen", 2.9, 0)).isEmpty();
        assertThat(engine.onReading("do", "dissolved_oxygen", 2.8, 60 * S)).isEmpty();
        List<RuleEngine.Firing> f = engine.onReading("do", "dissolved_oxygen", 2.7, 120 * S);
        assertThat(f).containsExactly(new RuleEngine.Firing(lowDo, 2.7));
    }

    @Test
    void aReadingOutsideTheConditionRestartsTheHoldTime() {
        RuleEngine engine = new RuleEngine(List.of(lowDo));
        engine.onReading("do", "dissolved_oxygen", 2.9, 0);
        engine.onReading("do", "dissolved_oxygen", 3.0, 90 * S);
        assertThat(engine.onReading("do", "dissolved_oxygen", 2.9, 100 * S)).isEmpty();
        assertThat(engine.onReading("do", "dissolved_oxygen", 2.9, 200 * S)).isEmpty();
        assertThat(engine.onReading("do", "dissolved_oxygen", 2.9, 220 * S)).hasSize(1);
    }

    @Test
    void firesAtMostOncePerMinimumInterval() {
        RuleEngine engine = new RuleEngine(List.of(drySoil));
        assertThat(engine.onReading("soil_a", "soil_moisture", 15, 0)).hasSize(1);
        assertThat(engine.onReading("soil_a", "soil_moisture", 14, 1800 * S)).isEmpty();
        assertThat(engine.onReading("soil_a", "soil_moisture", 14, 3599 * S)).isEmpty();
        assertThat(engine.onReading("soil_a", "soil_moisture", 14, 3600 * S)).hasSize(1);
    }

    @Test
    void aRuleBoundToASensorIgnoresOtherSensorsAndMetrics() {
        RuleEngine engine = new RuleEngine(List.of(drySoil));
        assertThat(engine.onReading("soil_b", "soil_moisture", 5, 0)).isEmpty();
        assertThat(engine.onReading("soil_a", "soil_temperature", 5, 0)).isEmpty();
        assertThat(engine.onReading("soil_a", "soil_moisture", 18, 0)).as("18 is not below 18").isEmpty();
    }
}
