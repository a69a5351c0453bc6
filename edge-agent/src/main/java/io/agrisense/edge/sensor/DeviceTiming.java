package io.agrisense.edge.sensor;

import java.time.Duration;

/**
 * Monotonic time and waiting as the drivers see them. On a Pi this is {@link System#nanoTime()} and
 * {@link Thread#sleep}; the simulation supplies device time derived from its clock, so a chip's conversion wait
 * costs nothing there.
 */
public interface DeviceTiming {

    DeviceTiming SYSTEM = new DeviceTiming() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void pause(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };

    /** Monotonic nanoseconds; only differences are meaningful. */
    long nanoTime();

    /** Waits for a conversion or a frame to arrive. */
    void pause(Duration duration) throws InterruptedException;

    /** Waits, turning an interrupt into a {@link SensorException} (with the interrupt flag kept). */
    static void pause(DeviceTiming timing, Duration duration, String what) throws SensorException {
        try {
            timing.pause(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SensorException("interrupted while waiting for " + what, e);
        }
    }
}
