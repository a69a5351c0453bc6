package io.agrisense.edge.sim;

import java.time.Instant;

/** Produces the switch edges of a pulse sensor over an interval of device time (and the matching clock interval). */
interface PulseSchedule {

    /** One edge: {@code active} is the switch closing. */
    record Edge(long nanos, boolean active) {
    }

    interface Sink {
        void edge(long nanos, boolean active);
    }

    void edges(long fromNanos, long toNanos, Instant clockFrom, Instant clockTo, Sink sink);
}
