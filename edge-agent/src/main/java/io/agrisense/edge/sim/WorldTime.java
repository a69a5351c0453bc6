package io.agrisense.edge.sim;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The time of a simulated world: the clock its weather and devices follow, and since when its slow stores (soil
 * water, pond oxygen) have been evolving. Normally the station's own clock from now; a demo or a test can run a
 * world shifted to a summer night and faster ({@link WorldClock}) so that a night's oxygen sag happens within
 * minutes. Readings are still stamped with the agent's own clock.
 *
 * @param since null: from the clock's instant when the world is made
 */
public record WorldTime(Clock clock, Instant since) {

    public WorldTime {
        Objects.requireNonNull(clock, "clock");
        if (since != null && since.isAfter(clock.instant())) {
            throw new IllegalArgumentException("a world cannot begin (" + since + ") after its clock's time (" + clock.instant() + ")");
        }
    }

    public static WorldTime of(Clock clock) {
        return new WorldTime(clock, null);
    }
}
