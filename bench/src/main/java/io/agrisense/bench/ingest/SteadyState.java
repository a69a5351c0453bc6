package io.agrisense.bench.ingest;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Measures a rate after a warm-up: how much a counter grew over the measured window, per second of that window.
 * The load runs on other threads all along; this thread only sleeps and samples.
 */
final class SteadyState {

    /** The growth of two counters (messages and readings) over the measured window. */
    record Rates(double messagesPerSecond, double readingsPerSecond, double seconds) {
    }

    /** Told when the measured window opens and closes (e.g. to record latencies only inside it). */
    interface Window {
        void measuring(boolean on);
    }

    private SteadyState() {
    }

    static Rates measure(LongSupplier messages, LongSupplier readings, Duration warmup, Duration duration, Window window)
            throws InterruptedException {
        Thread.sleep(warmup.toMillis());
        window.measuring(true);
        long m0 = messages.getAsLong();
        long r0 = readings.getAsLong();
        long t0 = System.nanoTime();
        Thread.sleep(duration.toMillis());
        long m1 = messages.getAsLong();
        long r1 = readings.getAsLong();
        long t1 = System.nanoTime();
        window.measuring(false);
        double seconds = (t1 - t0) / 1e9;
        return new Rates(perSecond(m0, m1, seconds), perSecond(r0, r1, seconds), seconds);
    }

    static double perSecond(long from, long to, double seconds) {
        return seconds <= 0 ? 0 : (to - from) / seconds;
    }
}
