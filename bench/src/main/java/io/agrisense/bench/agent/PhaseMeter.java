package io.agrisense.bench.agent;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the child's resident memory every second and brackets phases of the run: each phase gets its wall time,
 * the child's CPU ticks over it and the mean and largest RSS sample. One phase is open at a time.
 */
final class PhaseMeter implements AutoCloseable {

    /** What the child cost over one phase. */
    record Phase(String name, long fromMillis, long toMillis, long fromNanos, long toNanos, long cpuTicks,
                 long ticksPerSecond, double meanRssKb, long maxRssKb) {

        double seconds() {
            return (toNanos - fromNanos) / 1e9;
        }

        /** CPU time over wall time, in % of one core. */
        double cpuPercent() {
            return 100.0 * cpuTicks / ticksPerSecond / seconds();
        }
    }

    private final ProcessFootprint child;
    private final long ticksPerSecond = ProcessFootprint.clockTicksPerSecond();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rss-sampler");
        t.setDaemon(true);
        return t;
    });
    private String name;
    private long fromMillis;
    private long fromNanos;
    private long fromTicks;
    private long rssSum;
    private long rssSamples;
    private long rssMax;

    PhaseMeter(ProcessFootprint child) {
        this.child = child;
        sampler.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    synchronized void begin(String phase) throws IOException {
        name = phase;
        fromMillis = System.currentTimeMillis();
        fromNanos = System.nanoTime();
        fromTicks = child.cpuTicks();
        rssSum = 0;
        rssSamples = 0;
        rssMax = 0;
        sampleLocked();
    }

    synchronized Phase end() throws IOException {
        sampleLocked();
        Phase p = new Phase(name, fromMillis, System.currentTimeMillis(), fromNanos, System.nanoTime(),
                child.cpuTicks() - fromTicks, ticksPerSecond, rssSamples == 0 ? 0 : (double) rssSum / rssSamples, rssMax);
        name = null;
        return p;
    }

    private synchronized void sample() {
        sampleLocked();
    }

    private void sampleLocked() {
        if (name == null) {
            return;
        }
        try {
            long rss = child.rssKb();
            rssSum += rss;
            rssSamples++;
            rssMax = Math.max(rssMax, rss);
        } catch (IOException | RuntimeException e) {
            // the child is gone; the run notices it elsewhere
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
