package io.agrisense.edge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agrisense.embedded.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OxygenSagTest {

    @Test
    void findsTheFirstNightWhoseSagGoesWellBelowTheLevel() {
        Instant crossing = OxygenSag.find("crayfish_pond", 2, 3.0, 0.3).orElseThrow();

        ManualClock clock = new ManualClock(OxygenSag.SEARCH_FROM);
        EnvironmentModel pond = new EnvironmentModel(StationProfile.CRAYFISH_POND, 2, clock, OxygenSag.SEARCH_FROM);
        clock.advance(Duration.between(OxygenSag.SEARCH_FROM, crossing).minus(EnvironmentModel.STEP));
        assertThat(pond.now().dissolvedOxygen()).isGreaterThan(3.0);
        clock.advance(EnvironmentModel.STEP);
        assertThat(pond.now().dissolvedOxygen()).isLessThanOrEqualTo(3.0);
        int localHour = crossing.atOffset(java.time.ZoneOffset.ofHours(8)).getHour();
        assertThat(localHour).as("a night sag").isIn(21, 22, 23, 0, 1, 2, 3, 4, 5);
    }

    @Test
    void aWorldStartedShortlyBeforeTheSagReachesItOnTheWallClockAndTheAeratorLiftsIt() {
        ManualClock wall = new ManualClock(Instant.parse("2027-03-01T09:00:00Z"));
        WorldTime world = OxygenSag.shortlyBefore("crayfish_pond", 2, 3.0, 0.3, Duration.ofMinutes(2), 4.0, wall)
                .orElseThrow();
        EnvironmentModel pond = new EnvironmentModel(StationProfile.CRAYFISH_POND, 2, world.clock(), world.since());

        assertThat(pond.now().dissolvedOxygen()).isGreaterThan(3.0);
        wall.advance(Duration.ofSeconds(31)); // two world minutes at speed 4, plus a model step
        double sagged = pond.now().dissolvedOxygen();
        assertThat(sagged).isLessThanOrEqualTo(3.0);

        pond.switchLoad(Load.AERATOR, true);
        wall.advance(Duration.ofMinutes(5)); // 20 world minutes
        assertThat(pond.now().dissolvedOxygen()).isGreaterThan(3.5);
    }

    @Test
    void theWorldClockRunsAtItsSpeedFromItsStart() {
        ManualClock wall = new ManualClock(Instant.parse("2027-03-01T09:00:00Z"));
        WorldClock clock = new WorldClock(wall, Instant.parse("2026-07-02T18:00:00Z"), 60);
        wall.advance(Duration.ofSeconds(90));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-07-02T19:30:00Z"));
        assertThat(clock.wallTimeFor(Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> new WorldClock(wall, Instant.EPOCH, 0)).hasMessageContaining("above 0");
        assertThatThrownBy(() -> new WorldTime(clock, clock.instant().plusSeconds(60)))
                .hasMessageContaining("cannot begin");
    }

    @Test
    void aProfileWithoutSuchANightHasNone() {
        Optional<Instant> none = OxygenSag.find("crayfish_pond", 2, 0.5, 0.3);
        assertThat(none).isEmpty();
        assertThat(OxygenSag.find("crayfish_pond", 2, 3.0, 0.3)).hasValueSatisfying(t ->
                assertThat(Duration.between(OxygenSag.SEARCH_FROM, t).toHours()).isBetween(0L, 24L * 20));
    }
}
