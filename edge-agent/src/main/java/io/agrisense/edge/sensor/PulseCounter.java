package io.agrisense.edge.sensor;

/**
 * Counts switch closures from edge events with a software debounce: an edge to the active level counts only when the
 * line had been quiet (no edge of either direction) for at least the debounce interval before it. Reed-switch bounce
 * on closing and on opening is a burst of edges well inside that interval, so one closure counts once.
 */
public final class PulseCounter {

    private final long debounceNanos;
    private boolean seenEdge;
    private long lastEdgeNanos;
    private long pulses;
    private long intervalStartNanos;

    /** Pulses counted over an interval of monotonic time. */
    public record Interval(long pulses, long nanos) {
        public double seconds() {
            return nanos / 1e9;
        }
    }

    public PulseCounter(long debounceNanos, long startNanos) {
        if (debounceNanos < 0) {
            throw new IllegalArgumentException("debounce must not be negative");
        }
        this.debounceNanos = debounceNanos;
        this.intervalStartNanos = startNanos;
    }

    /** One edge of the input: {@code active} when the line went to its active level (switch closed). */
    public synchronized void edge(boolean active, long nanos) {
        boolean quiet = !seenEdge || nanos - lastEdgeNanos >= debounceNanos;
        seenEdge = true;
        lastEdgeNanos = nanos;
        if (active && quiet) {
            pulses++;
        }
    }

    /** The pulses since the previous drain (or since start) and the time they span; starts a new interval. */
    public synchronized Interval drain(long nowNanos) {
        Interval interval = new Interval(pulses, nowNanos - intervalStartNanos);
        pulses = 0;
        intervalStartNanos = nowNanos;
        return interval;
    }
}
