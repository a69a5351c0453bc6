package io.agrisense.edge.sim;

import static io.agrisense.protocol.MetricCatalogue.WIND_SPEED;

import io.agrisense.edge.sim.FaultInjector.Fault;
import java.time.Duration;
import java.time.Instant;

/**
 * A cup anemometer turning with the model's wind: one switch closure per pulse at f = (v - offset) / mps_per_hz,
 * integrated in steps of at most 5 s so gusts show. Disconnected or jammed, it stands still; a spike spins it at an
 * implausible speed for one interval.
 */
final class WindPulses implements PulseSchedule {

    private static final long STEP_NANOS = 5_000_000_000L;

    private final SensorSignal signal;
    private final double mpsPerHz;
    private final double offset;
    private double phase;

    WindPulses(SensorSignal signal, double mpsPerHz, double offset) {
        this.signal = signal;
        this.mpsPerHz = mpsPerHz;
        this.offset = offset;
    }

    @Override
    public void edges(long fromNanos, long toNanos, Instant clockFrom, Instant clockTo, Sink sink) {
        Fault fault = signal.fault();
        if (fault == Fault.DISCONNECTED || fault == Fault.STUCK) {
            return;
        }
        boolean spike = signal.spikeNow();
        long clockSpan = Duration.between(clockFrom, clockTo).toNanos();
        for (long a = fromNanos; a < toNanos; a += STEP_NANOS) {
            long b = Math.min(toNanos, a + STEP_NANOS);
            double share = (a + b) / 2.0 - fromNanos;
            Instant middle = clockFrom.plusNanos((long) (clockSpan * (share / (toNanos - fromNanos))));
            double speed = spike ? SensorSignal.spikeValue(WIND_SPEED) : signal.model().windSpeedAt(middle);
            double hertz = speed > offset ? (speed - offset) / mpsPerHz : 0;
            if (hertz <= 0) {
                continue;
            }
            double end = phase + hertz * (b - a) / 1e9;
            long closedNanos = (long) Math.min(50e6, 0.5e9 / hertz);
            for (long k = (long) Math.floor(phase) + 1; k <= (long) Math.floor(end); k++) {
                long t = a + (long) ((k - phase) / hertz * 1e9);
                sink.edge(t, true);
                sink.edge(t + closedNanos, false);
            }
            phase = end - Math.floor(end);
        }
    }
}
