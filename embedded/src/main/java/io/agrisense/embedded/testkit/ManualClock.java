package io.agrisense.embedded.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until the test moves it: {@link #advance(Duration)}. */
public final class ManualClock extends Clock {

    private Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    /** At a local date-time ({@code 2026-07-01T11:00:00}) of a place {@code offset} from UTC. */
    public static ManualClock atLocal(String localDateTime, ZoneOffset offset) {
        return new ManualClock(LocalDateTime.parse(localDateTime).toInstant(offset));
    }

    public synchronized void advance(Duration d) {
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
