package io.agrisense.platform.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One validated numeric reading, the row of the {@code readings} table; time is kept to the microsecond as PostgreSQL does. */
public record Reading(String station, String metric, Instant time, double value) {

    public Reading {
        time = time.truncatedTo(ChronoUnit.MICROS);
    }

    /** Microseconds since the epoch, the exact key PostgreSQL stores. */
    public long micros() {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1000);
    }
}
