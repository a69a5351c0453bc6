package io.agrisense.platform.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A reading that was not stored, or a whole message (then metric, time and value are null), with a reason an
 * operator can read. {@code station} is whatever the message claimed, valid or not.
 */
public record Rejection(String station, String metric, Instant time, Double value, RejectReason code, String reason) {

    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

    public Rejection {
        // PostgreSQL's timestamptz and our ISO text both stop at years 1..9999; keep absurd times in the reason only.
        if (time != null) {
            time = time.isBefore(FIRST) || time.isAfter(LAST) ? null : time.truncatedTo(ChronoUnit.MICROS);
        }
    }

    public static Rejection ofMessage(String station, RejectReason code, String reason) {
        return new Rejection(station, null, null, null, code, reason);
    }
}
