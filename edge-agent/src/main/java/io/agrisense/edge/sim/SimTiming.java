package io.agrisense.edge.sim;

import io.agrisense.edge.sensor.DeviceTiming;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Device time of a simulated station: the simulation clock plus every conversion wait a driver asked for (a wait
 * returns at once but moves device time on, so a sensor polled for "data ready" does become ready). Observing the
 * time lets the world catch up: pulse inputs replay the edges that happened since they were last looked at, each
 * dispatched while {@link #nanoTime()} reports the edge's own instant.
 */
final class SimTiming implements DeviceTiming {

    /** A pulse input that replays edges up to a device time; {@code clockNow} is the matching clock instant. */
    interface Replayable {
        void catchUp(long deviceNanos, Instant clockNow);
    }

    private final Clock clock;
    private final Instant start;
    private final List<Replayable> inputs = new CopyOnWriteArrayList<>();
    private long pausedNanos;
    private long lastNanos;
    private boolean replaying;
    private long replayNanos;

    SimTiming(Clock clock) {
        this.clock = clock;
        this.start = clock.instant();
    }

    void register(Replayable input) {
        inputs.add(input);
    }

    void unregister(Replayable input) {
        inputs.remove(input);
    }

    @Override
    public synchronized long nanoTime() {
        if (replaying) {
            return replayNanos;
        }
        Instant clockNow = clock.instant();
        long now = deviceNanos(clockNow);
        replaying = true;
        try {
            for (Replayable input : inputs) {
                input.catchUp(now, clockNow);
            }
        } finally {
            replaying = false;
        }
        return now;
    }

    /** Device time without replaying pulses (for chips that only need to know the time). */
    synchronized long deviceNanos() {
        return deviceNanos(clock.instant());
    }

    private long deviceNanos(Instant clockNow) {
        long now = Math.max(lastNanos, Duration.between(start, clockNow).toNanos() + pausedNanos);
        lastNanos = now;
        return now;
    }

    /** Called by a replaying input before it dispatches an edge that happened at {@code nanos}. */
    synchronized void edgeAt(long nanos) {
        replayNanos = nanos;
    }

    @Override
    public synchronized void pause(Duration duration) {
        pausedNanos += duration.toNanos();
    }
}
