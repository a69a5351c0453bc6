package io.agrisense.platform.alert;

import static io.agrisense.platform.alert.AlertScenario.T0;
import static io.agrisense.platform.alert.AlertScenario.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StationOfflineRuleTest {

    private final AlertScenario s = AlertScenario.withRules("""
            rules:
              - {id: station-offline, kind: station_offline, severity: warning, timeout: 10m, for: 2m}
            """);

    @Test
    void theLastWillRaisesAnOfflineAlertAfterTheGracePeriod() {
        s.reading("gh-1", "greenhouse", "air_temperature", 21);
        s.clock.advance(minutes(1));
        assertThat(s.status("gh-1", StationStatus.OFFLINE)).isEmpty();
        assertThat(s.after(minutes(1))).isEmpty();

        assertThat(s.after(minutes(1))).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(AlertState.FIRING);
            assertThat(t.alert().metric()).isEqualTo("status");
            assertThat(t.alert().conditionSince()).isEqualTo(T0.plus(minutes(1)));
            assertThat(t.alert().message()).isEqualTo("station reported offline for 2m");
        });

        s.clock.advance(minutes(5));
        assertThat(s.status("gh-1", StationStatus.ONLINE)).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(AlertState.RESOLVED);
            assertThat(t.reason()).isEqualTo("station reported online");
        });
    }

    @Test
    void aQuickRebootProducesNothing() {
        s.reading("gh-1", "greenhouse", "air_temperature", 21);
        s.status("gh-1", StationStatus.OFFLINE);
        s.after(minutes(1));
        s.status("gh-1", StationStatus.ONLINE);
        s.after(minutes(10));
        s.reading("gh-1", "greenhouse", "air_temperature", 21);
        s.after(minutes(5));
        assertThat(s.log).isEmpty();
    }

    @Test
    void aMissingHeartbeatRaisesOfflineAndAnyReadingClearsIt() {
        s.reading("tea-1", "tea_garden", "air_temperature", 9);
        assertThat(s.after(minutes(9))).isEmpty();
        assertThat(s.after(minutes(1))).isEmpty(); // silent 10 minutes: pending for 2 more
        assertThat(s.after(minutes(2))).singleElement().satisfies(t -> {
            assertThat(t.alert().message()).isEqualTo(
                    "no message from the station for 10m (last at 2024-07-01T02:00:00Z) for 2m");
            assertThat(t.alert().firedAt()).isEqualTo(T0.plus(minutes(12)));
        });
        assertThat(s.after(minutes(30))).isEmpty(); // no repeats

        assertThat(s.reading("tea-1", "tea_garden", "air_temperature", 8)).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(AlertState.RESOLVED);
            assertThat(t.reason()).isEqualTo("reading received: the station is online");
        });
    }

    @Test
    void aRetainedOfflineStatusOfANeverHeardStationStillCounts() {
        s.status("river-9", StationStatus.OFFLINE);
        assertThat(s.after(minutes(2))).singleElement()
                .satisfies(t -> assertThat(t.alert().station().value()).isEqualTo("river-9"));
    }
}
