package io.agrisense.edge.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PulseCounterTest {

    static final long MS = 1_000_000;

    @Test
    void aBouncingReedClosureCountsOnce() {
        PulseCounter counter = new PulseCounter(25 * MS, 0);
        long t = 1000 * MS;
        // closing: low, bounce high, low; opening 80 ms later: high, bounce low, high
        counter.edge(true, t);
        counter.edge(false, t + MS / 5);
        counter.edge(true, t + 2 * MS / 5);
        counter.edge(false, t + 80 * MS);
        counter.edge(true, t + 80 * MS + MS / 5);
        counter.edge(false, t + 80 * MS + 2 * MS / 5);

        assertThat(counter.drain(2000 * MS).pulses()).isEqualTo(1);
    }

    @Test
    void cleanPulsesShorterThanTheGapAreAllCounted() {
        PulseCounter counter = new PulseCounter(2 * MS, 0);
        for (int i = 0; i < 100; i++) {
            counter.edge(true, i * 10 * MS);
            counter.edge(false, i * 10 * MS + 5 * MS);
        }

        PulseCounter.Interval interval = counter.drain(1000 * MS);

        assertThat(interval.pulses()).isEqualTo(100);
        assertThat(interval.seconds()).isEqualTo(1.0);
    }

    @Test
    void eachDrainStartsANewInterval() {
        PulseCounter counter = new PulseCounter(MS, 500 * MS);
        counter.edge(true, 600 * MS);
        assertThat(counter.drain(1500 * MS)).isEqualTo(new PulseCounter.Interval(1, 1000 * MS));

        assertThat(counter.drain(4500 * MS)).isEqualTo(new PulseCounter.Interval(0, 3000 * MS));
    }

    @Test
    void rainAndWindArithmetic() {
        assertThat(RainGauge.millimetres(10, 0.2794)).isCloseTo(2.794, within(1e-9));
        assertThat(Anemometer.metresPerSecond(30, 10.0, 0.667, 0.0)).isCloseTo(2.001, within(1e-9));
        assertThat(Anemometer.metresPerSecond(0, 10.0, 0.667, 0.3)).isZero();
        assertThat(Anemometer.metresPerSecond(10, 10.0, 0.667, 0.3)).isCloseTo(0.967, within(1e-9));
    }
}
