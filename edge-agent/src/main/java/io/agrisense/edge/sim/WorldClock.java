package io.agrisense.edge.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A simulated world's clock: it reads {@code start} when the wall clock reads {@code wallStart} and runs
 * {@code speed} times as fast from there.
 */
public final class WorldClock extends Clock {

    private final Clock wall;
    private final Instant wallStart;
    private final Instant start;
    private final double speed;

    public WorldClock(Clock wall, Instant start, double speed) {
        if (!(speed > 0 && speed <= 10_000)) {
            throw new IllegalArgumentException("world speed must be above 0 and at most 10000, got " + speed);
        }
        this.wall = wall;
        this.wallStart = wall.instant();
        this.start = start;
        this.speed = speed;
    }

    public double speed() {
        return speed;
    }

    /** Wall time that passes while the world moves on by {@code worldTime}. */
    public Duration wallTimeFor(Duration worldTime) {
        return Duration.ofNanos(Math.round(worldTime.toNanos() / speed));
    }

    @Override
    public Instant instant() {
        long elapsed = Duration.between(wallStart, wall.instant()).toNanos();
        return start.plusNanos(Math.round(elapsed * speed));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a world clock runs in UTC");
    }
}
