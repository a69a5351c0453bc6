package io.agrisense.platform.alert;

import static io.agrisense.platform.alert.AlertScenario.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.protocol.StationId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoDataRuleTest {

    private static final String RULES = """
            rules:
              - {id: no-data, kind: no_data, metric: "*", severity: warning, timeout: 15m}
              - {id: station-offline, kind: station_offline, severity: warning, timeout: 10m}
            """;

    private final AlertScenario s = AlertScenario.withRules(RULES);

    /** One minute of a pond's readings; {@code withOxygen} false when the DO probe is silent. */
    private void minuteOfReadings(boolean withOxygen) {
        s.reading("pond-3", "crayfish_pond", "water_temperature", 24.0);
        s.reading("pond-3", "crayfish_pond", "ph", 7.6);
        if (withOxygen) {
            s.reading("pond-3", "crayfish_pond", "dissolved_oxygen", 6.1);
        }
        s.after(minutes(1));
    }

    @Test
    void oneStaleMetricWhileOthersFlowRaisesAnAlertForThatMetricOnly() {
        for (int i = 0; i < 5; i++) {
            minuteOfReadings(true);
        }
        for (int i = 0; i < 20; i++) {
            minuteOfReadings(false);
        }

        assertThat(s.log).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(AlertState.FIRING);
            assertThat(t.alert().ruleId()).isEqualTo("no-data");
            assertThat(t.alert().metric()).isEqualTo("dissolved_oxygen");
            assertThat(t.alert().triggerValue()).isNull();
            assertThat(t.alert().message()).startsWith("no dissolved_oxygen reading for 15m (last at 2024-07-01T02:04:00Z)");
        });

        List<AlertTransition> back = s.reading("pond-3", "crayfish_pond", "dissolved_oxygen", 6.0);
        assertThat(back).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(AlertState.RESOLVED);
            assertThat(t.reason()).isEqualTo("dissolved_oxygen reading received");
        });
    }

    @Test
    void aMetricThatReportsLessOftenGetsThreeOfItsIntervals() {
        // soil moisture every 10 minutes (the last at 02:20), air temperature every minute
        for (int minute = 0; minute < 49; minute++) {
            if (minute % 10 == 0 && minute <= 20) {
                s.reading("orchard-1", "orchard", "soil_moisture", 22);
            }
            s.reading("orchard-1", "orchard", "air_temperature", 12);
            s.after(minutes(1));
        }
        assertThat(s.log).as("three 10-minute intervals, not the rule's 15 minutes").isEmpty();

        s.reading("orchard-1", "orchard", "air_temperature", 12);
        assertThat(s.after(minutes(1))).singleElement()
                .satisfies(t -> assertThat(t.alert().message()).isEqualTo("no soil_moisture reading for 30m (last at 2024-07-01T02:20:00Z)"));
    }

    @Test
    void derivedSeriesAreNotWatchedByTheWildcard() {
        s.reading("barn-1", "livestock_barn", "thi", 70);
        for (int i = 0; i < 30; i++) {
            s.reading("barn-1", "livestock_barn", "air_temperature", 20);
            s.after(minutes(1));
        }
        assertThat(s.log).isEmpty();
    }

    @Test
    void aNamedMetricThatNeverArrivesCountsFromWhenTheStationWasFirstHeard() {
        AlertScenario named = AlertScenario.withRules("""
                rules:
                  - {id: do-missing, kind: no_data, metric: dissolved_oxygen, scope: {profile: crayfish_pond}, severity: critical, timeout: 10m}
                """);
        for (int i = 0; i < 10; i++) {
            named.reading("pond-1", "crayfish_pond", "water_temperature", 22);
            named.after(minutes(1));
        }
        assertThat(named.log).singleElement().satisfies(t -> assertThat(t.alert().message())
                .isEqualTo("no dissolved_oxygen reading for 10m (none since the station was first heard at 2024-07-01T02:00:00Z)"));
    }

    @Test
    void anOfflineStationRaisesOneOfflineAlertNotOnePerMetric() {
        for (int i = 0; i < 5; i++) {
            minuteOfReadings(true);
        }
        s.after(Duration.ofHours(1));

        assertThat(s.log).singleElement().satisfies(t -> {
            assertThat(t.alert().ruleId()).isEqualTo("station-offline");
            assertThat(t.alert().metric()).isEqualTo(AlertKey.STATION_STATUS);
        });
    }

    @Test
    void staleMetricsOfAStationThatReportedOfflineStaySilent() {
        minuteOfReadings(true);
        s.status("pond-3", StationStatus.OFFLINE);
        s.after(minutes(30));
        assertThat(s.log).extracting(t -> t.alert().ruleId()).containsExactly("station-offline");
        assertThat(s.engine.activeAlerts()).extracting(Alert::station).containsOnly(StationId.of("pond-3"));
    }
}
