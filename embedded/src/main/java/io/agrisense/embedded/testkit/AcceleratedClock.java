package io.agrisense.embedded.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A wall clock that runs {@code factor} times faster than real time from now on, so a test compresses a long outage. */
public final class AcceleratedClock extends Clock {

    private final long startMillis;
    private final long startNanos;
    private final long factor;

    public AcceleratedClock(long factor) {
        this.startMillis = System.currentTimeMillis();
        this.startNanos = System.nanoTime();
        this.factor = factor;
    }

    @Override
    public long millis() {
        return startMillis + (System.nanoTime() - startNanos) * factor / 1_000_000L;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
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
