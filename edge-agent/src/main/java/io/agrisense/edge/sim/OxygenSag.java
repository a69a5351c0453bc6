package io.agrisense.edge.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Finds a night on which a simulated pond's dissolved oxygen sags, so that a demo or a test can start the world
 * just before it instead of waiting for a real night: the model is deterministic for a profile, a seed and the
 * instant its world began, so the sag found here is the sag the station's devices will see.
 */
public final class OxygenSag {

    /** Nights are searched from a summer evening in the programme's province (18:00 local). */
    public static final Instant SEARCH_FROM = Instant.parse("2026-07-01T10:00:00Z");
    static final Duration SEARCH_SPAN = Duration.ofDays(20);

    private OxygenSag() {
    }

    /**
     * The first instant after {@link #SEARCH_FROM} at which dissolved oxygen falls to {@code level} or below on a
     * night where it then reaches {@code level - depth}, so that a sag merely touching the level is skipped.
     */
    public static Optional<Instant> find(String profile, long seed, double level, double depth) {
        SteppedClock clock = new SteppedClock(SEARCH_FROM);
        EnvironmentModel model = new EnvironmentModel(StationProfile.of(profile), seed, clock, SEARCH_FROM);
        Instant crossing = null;
        double previous = model.now().dissolvedOxygen();
        for (Instant t = SEARCH_FROM; t.isBefore(SEARCH_FROM.plus(SEARCH_SPAN)); t = t.plus(EnvironmentModel.STEP)) {
            clock.now = t;
            double oxygen = model.now().dissolvedOxygen();
            if (oxygen <= level && previous > level) {
                crossing = t;
            } else if (oxygen > level) {
                crossing = null;
            }
            if (crossing != null && oxygen <= level - depth) {
                return Optional.of(crossing);
            }
            previous = oxygen;
        }
        return Optional.empty();
    }

    /**
     * A world that reaches the sag {@code lead} (world time) after the wall clock's now and runs {@code speed}
     * times as fast, having evolved since {@link #SEARCH_FROM}; empty when this seed has no such night.
     */
    public static Optional<WorldTime> shortlyBefore(String profile, long seed, double level, double depth,
                                                    Duration lead, double speed, Clock wall) {
        return find(profile, seed, level, depth).map(crossing ->
                new WorldTime(new WorldClock(wall, crossing.minus(lead), speed), SEARCH_FROM));
    }

    /** A clock moved by hand, one model step at a time. */
    private static final class SteppedClock extends Clock {
        Instant now;

        SteppedClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
