package io.agrisense.platform.alert;

import static io.agrisense.platform.alert.AlertScenario.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.protocol.StationId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartTest {

    private static final String RULES = """
            rules:
              - {id: station-offline, kind: station_offline, severity: warning, timeout: 10m}
              - {id: no-data, kind: no_data, metric: "*", severity: warning, timeout: 15m}
              - {id: pond-do, kind: threshold, metric: dissolved_oxygen, severity: critical, direction: below, raise: 3.0, clear: 3.5, for: 5m}
              - {id: level, kind: rate_of_change, metric: water_level, severity: warning, direction: rising, raise: 0.3, window: 1h}
            """;

    private final AlertScenario before = AlertScenario.withRules(RULES);

    /** A new engine, as after a platform restart, restored from {@code snapshot} (through its JSON form). */
    private AlertScenario restart(EngineSnapshot snapshot) {
        AlertScenario after = AlertScenario.withRules(RULES);
        after.clock.advance(Duration.between(after.clock.instant(), before.clock.instant()));
        EngineSnapshot stored = SnapshotCodec.fromJson(SnapshotCodec.toJson(snapshot));
        after.engine = AlertEngine.restore(after.engine.rules(), after.clock, () -> "b-" + after.log.size(), stored);
        return after;
    }

    private void firePondAlert() {
        before.reading("pond-3", "crayfish_pond", "dissolved_oxygen", 2.8);
        before.after(minutes(5));
        assertThat(before.log).singleElement().satisfies(t -> assertThat(t.state()).isEqualTo(AlertState.FIRING));
    }

    @Test
    void aFiringAlertSurvivesARestartWithoutFiringAgainAndAClearStillResolvesIt() {
        firePondAlert();
        String id = before.log.get(0).alert().id();

        AlertScenario after = restart(before.engine.snapshot());

        assertThat(after.engine.activeAlerts()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(id);
            assertThat(a.state()).isEqualTo(AlertState.FIRING);
        });
        after.clock.advance(minutes(1));
        assertThat(after.reading("pond-3", "crayfish_pond", "dissolved_oxygen", 2.7)).isEmpty();
        assertThat(after.after(minutes(4))).isEmpty();
        assertThat(after.engine.activeAlerts()).singleElement().satisfies(a -> assertThat(a.worstValue()).isEqualTo(2.7));

        List<AlertTransition> cleared = after.reading("pond-3", "crayfish_pond", "dissolved_oxygen", 3.6);
        assertThat(cleared).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(AlertState.RESOLVED);
            assertThat(t.alert().id()).isEqualTo(id);
        });
    }

    @Test
    void alertsHaveAJsonFormForNotificationsAndTheAlertTable() {
        firePondAlert();
        Alert alert = before.log.get(0).alert();

        String json = SnapshotCodec.alertToJson(alert);

        assertThat(json).contains("\"station\":\"pond-3\"", "\"state\":\"firing\"", "\"severity\":\"critical\"",
                "\"firedAt\":\"2024-07-01T02:05:00Z\"");
        assertThat(SnapshotCodec.alertFromJson(json)).isEqualTo(alert);
    }

    @Test
    void anAcknowledgementSurvivesTheRestart() {
        firePondAlert();
        String id = before.log.get(0).alert().id();
        before.engine.acknowledge(id, "op");

        AlertScenario after = restart(before.engine.snapshot());

        assertThat(after.engine.acknowledge(id, "op")).isEmpty();
        assertThat(after.engine.activeAlert(id)).hasValueSatisfying(a -> assertThat(a.acknowledgedBy()).isEqualTo("op"));
    }

    @Test
    void aPendingConditionKeepsItsStartAcrossTheRestart() {
        before.reading("pond-3", "crayfish_pond", "dissolved_oxygen", 2.8);
        before.clock.advance(minutes(3));

        AlertScenario after = restart(before.engine.snapshot());

        assertThat(after.after(minutes(1))).isEmpty();
        assertThat(after.after(minutes(1))).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(AlertState.FIRING);
            assertThat(t.alert().conditionSince()).isEqualTo(AlertScenario.T0);
        });
    }

    @Test
    void theAlertTableIsAuthoritativeWhenTheStoredStateIsOlder() {
        EngineSnapshot olderState = before.engine.snapshot(); // taken before the alert fired
        firePondAlert();
        List<Alert> alertTable = before.engine.activeAlerts();

        AlertScenario after = restart(olderState.withActiveAlerts(alertTable));

        after.clock.advance(minutes(1));
        assertThat(after.reading("pond-3", "crayfish_pond", "dissolved_oxygen", 2.6)).isEmpty();
        assertThat(after.after(minutes(6))).isEmpty();
        assertThat(after.reading("pond-3", "crayfish_pond", "dissolved_oxygen", 3.9)).singleElement()
                .satisfies(t -> assertThat(t.alert().id()).isEqualTo(alertTable.get(0).id()));
    }

    @Test
    void rateWindowsSurviveTheRestart() {
        before.reading("river-1", "river_water_quality", "water_level", 1.00);
        before.clock.advance(minutes(20));
        before.reading("river-1", "river_water_quality", "water_level", 1.15);

        AlertScenario after = restart(before.engine.snapshot());
        after.clock.advance(minutes(20));

        assertThat(after.reading("river-1", "river_water_quality", "water_level", 1.31)).singleElement()
                .satisfies(t -> assertThat(t.alert().triggerValue()).isCloseTo(0.31, org.assertj.core.api.Assertions.within(1e-9)));
    }

    @Test
    void aLongPlatformOutageDoesNotTurnIntoANoDataOrOfflineStorm() {
        before.reading("pond-3", "crayfish_pond", "water_temperature", 24);
        before.reading("pond-3", "crayfish_pond", "ph", 7.5);
        EngineSnapshot snapshot = before.engine.snapshot();
        before.clock.advance(Duration.ofHours(2)); // the platform was down for two hours

        AlertScenario after = restart(snapshot);

        assertThat(after.engine.tick()).isEmpty();
        after.clock.advance(minutes(2));
        after.reading("pond-3", "crayfish_pond", "water_temperature", 24);
        after.reading("pond-3", "crayfish_pond", "ph", 7.5);
        assertThat(after.after(minutes(5))).isEmpty();
    }

    @Test
    void firingOfflineAndNoDataAlertsStayUntilTheStationIsHeard() {
        before.reading("gh-1", "greenhouse", "air_temperature", 20);
        before.after(minutes(10));
        assertThat(before.log).extracting(t -> t.alert().ruleId()).containsExactly("station-offline");

        AlertScenario after = restart(before.engine.snapshot());

        assertThat(after.after(minutes(30))).isEmpty();
        assertThat(after.engine.activeAlerts()).extracting(Alert::ruleId).containsExactly("station-offline");
        assertThat(after.reading("gh-1", "greenhouse", "air_temperature", 20)).singleElement()
                .satisfies(t -> assertThat(t.state()).isEqualTo(AlertState.RESOLVED));
        assertThat(after.engine.activeAlerts()).isEmpty();
        assertThat(after.engine.snapshot().stations()).extracting(EngineSnapshot.Station::station)
                .containsExactly(StationId.of("gh-1"));
    }
}
