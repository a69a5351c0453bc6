package io.agrisense.edge.sim;

import io.agrisense.edge.sim.FaultInjector.Fault;
import java.time.Instant;

/**
 * A tipping bucket filled by the model's rain: each time it holds {@code mmPerTip} it tips, closing the reed switch
 * for up to 60 ms with a few hundred microseconds of contact bounce at both ends. A disconnected or jammed gauge
 * gives no tips; a spike is a burst of as many tips as the debounce lets through.
 */
final class RainPulses implements PulseSchedule {

    private static final long BOUNCE_NANOS = 150_000;
    private static final long CLOSED_NANOS = 60_000_000;

    private final SensorSignal signal;
    private final double mmPerTip;
    private final long debounceNanos;
    private double bucket;

    RainPulses(SensorSignal signal, double mmPerTip, long debounceNanos) {
        this.signal = signal;
        this.mmPerTip = mmPerTip;
        this.debounceNanos = debounceNanos;
    }

    @Override
    public void edges(long fromNanos, long toNanos, Instant clockFrom, Instant clockTo, Sink sink) {
        Fault fault = signal.fault();
        long span = toNanos - fromNanos;
        long maxTips = span / Math.max(4 * debounceNanos, 4 * CLOSED_NANOS / 3);
        long tips;
        if (fault == Fault.DISCONNECTED || fault == Fault.STUCK) {
            tips = 0;
        } else if (signal.spikeNow()) {
            tips = maxTips;
        } else {
            bucket += signal.model().rainfallBetween(clockFrom, clockTo);
            tips = (long) Math.floor(bucket / mmPerTip + 1e-9);
            bucket -= tips * mmPerTip;
            if (tips > maxTips) {
                bucket += (tips - maxTips) * mmPerTip; // tipped after this interval
                tips = maxTips;
            }
        }
        if (tips == 0) {
            return;
        }
        long spacing = span / (tips + 1);
        long closed = Math.min(CLOSED_NANOS, spacing / 2);
        for (long i = 1; i <= tips; i++) {
            long t = fromNanos + i * spacing;
            sink.edge(t, true);
            sink.edge(t + BOUNCE_NANOS, false);
            sink.edge(t + 2 * BOUNCE_NANOS, true);
            sink.edge(t + closed, false);
            sink.edge(t + closed + BOUNCE_NANOS, true);
            sink.edge(t + closed + 2 * BOUNCE_NANOS, false);
        }
    }
}
