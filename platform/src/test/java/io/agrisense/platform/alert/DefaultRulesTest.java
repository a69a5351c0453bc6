package io.agrisense.platform.alert;

import static io.agrisense.platform.alert.AlertScenario.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.platform.model.StationProfiles;
import io.agrisense.protocol.StationId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultRulesTest {

    private final RuleBook defaults = RuleBook.defaults();

    private List<String> applicableIds(String profile) {
        return defaults.applicable(StationId.of("s-1"), profile).stream().map(EffectiveRule::id).toList();
    }

    @Test
    void theShippedRulesAreValidAndCoverEveryProfile() {
        assertThat(defaults.definitions()).hasSizeGreaterThan(20);
        for (String profile : StationProfiles.known()) {
            assertThat(applicableIds(profile)).as(profile).contains("station-offline", "no-data").hasSizeGreaterThan(2);
        }
        assertThat(applicableIds("greenhouse")).contains("greenhouse-heat", "greenhouse-frost",
                "greenhouse-high-humidity", "greenhouse-dry-soil");
        assertThat(applicableIds("orchard")).contains("orchard-frost", "orchard-frost-watch");
        assertThat(applicableIds("tea_garden")).contains("tea-frost", "tea-frost-watch");
        assertThat(applicableIds("crayfish_pond")).contains("pond-do-critical", "pond-ph-high", "pond-ph-low");
        assertThat(applicableIds("livestock_barn")).contains("barn-heat-stress-moderate", "barn-heat-stress-severe");
        assertThat(applicableIds("air_quality")).contains("air-aqi-cn-polluted", "air-aqi-us-unhealthy");
        assertThat(applicableIds("river_water_quality")).contains("river-level-rise", "river-do-low");
    }

    @Test
    void aPondsNightOxygenSagRaisesACriticalAlertThatStartsTheAerator() {
        AlertScenario s = new AlertScenario(defaults);
        double[] sag = {5.8, 5.2, 4.6, 4.0, 3.4, 2.9, 2.7, 2.6};
        for (double dissolvedOxygen : sag) {
            s.reading("pond-3", "crayfish_pond", "dissolved_oxygen", dissolvedOxygen);
            s.reading("pond-3", "crayfish_pond", "water_temperature", 26.0);
            s.reading("pond-3", "crayfish_pond", "ph", 7.8);
            s.after(minutes(1));
        }

        AlertTransition critical = s.log.stream().filter(t -> t.alert().ruleId().equals("pond-do-critical"))
                .findFirst().orElseThrow();
        assertThat(critical.state()).isEqualTo(AlertState.FIRING);
        assertThat(critical.alert().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(critical.command()).hasValueSatisfying(c -> assertThat(c.payload())
                .isEqualTo(Map.of("command", "switch", "actuator", "aerator", "state", "on", "duration", "30min")));
        assertThat(s.count(AlertState.FIRING)).isEqualTo(1);

        for (double dissolvedOxygen : new double[]{3.2, 3.6, 4.5}) {
            s.reading("pond-3", "crayfish_pond", "dissolved_oxygen", dissolvedOxygen);
            s.after(minutes(1));
        }
        assertThat(s.log).last().satisfies(t -> {
            assertThat(t.state()).isEqualTo(AlertState.RESOLVED);
            assertThat(t.alert().ruleId()).isEqualTo("pond-do-critical");
        });
    }
}
