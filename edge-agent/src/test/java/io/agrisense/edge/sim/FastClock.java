package io.agrisense.edge.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand. */
final class FastClock extends Clock {

    private Instant now;

    FastClock(Instant start) {
        this.now = start;
    }

    /** Local time in the model's province (UTC+8). */
    static FastClock at(String localDateTime) {
        return new FastClock(java.time.LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.ofHours(8)));
    }

    synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public synchronized Instant instant() {
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
