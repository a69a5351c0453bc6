package io.agrisense.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.edge.sim.OxygenSag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DemoPondNightTest {

    private static final DemoStations.PondNight NIGHT = new DemoStations.PondNight(true, 3, Duration.ofMinutes(1), 3.0);
    private static final Clock WALL = Clock.fixed(Instant.parse("2026-11-27T01:00:00Z"), ZoneOffset.UTC);

    @Test
    void theDemoPondStartsJustBeforeASagWhereverItSitsInTheFolder() {
        for (long seed = 1; seed <= 12; seed++) {
            DemoStations.PondWorld pond = DemoStations.pondWorld(seed, NIGHT, WALL).orElseThrow();
            Instant crossing = OxygenSag.find("crayfish_pond", pond.seed(), 3.0, 0.3).orElseThrow();
            assertThat(pond.world().clock().instant()).as("seed %d -> %d", seed, pond.seed())
                    .isEqualTo(crossing.minus(NIGHT.lead()));
            assertThat((pond.seed() - seed) % 1000).isZero();
        }
    }

    @Test
    void aSeedWithItsOwnSagNightIsKept() {
        assertThat(OxygenSag.find("crayfish_pond", 2, 3.0, 0.3)).isPresent();
        assertThat(DemoStations.pondWorld(2, NIGHT, WALL).orElseThrow().seed()).isEqualTo(2);
        assertThat(OxygenSag.find("crayfish_pond", 4, 3.0, 0.3)).isEmpty();
        assertThat(DemoStations.pondWorld(4, NIGHT, WALL).orElseThrow().seed()).isNotEqualTo(4);
    }
}
