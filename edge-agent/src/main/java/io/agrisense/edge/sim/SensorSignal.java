package io.agrisense.edge.sim;

import io.agrisense.edge.sim.FaultInjector.Fault;
import io.agrisense.protocol.Metric;
import io.agrisense.protocol.MetricCatalogue;
import java.util.SplittableRandom;

/**
 * What one simulated sensor is exposed to: the model's values for its metrics, passed through the fault injected on
 * it. A device asks once per measurement, so a spike or a stuck value covers the whole frame.
 */
final class SensorSignal {

    private final String sensor;
    private final EnvironmentModel model;
    private final FaultInjector faults;
    private final SplittableRandom random;
    private double[] stuck;

    SensorSignal(String sensor, EnvironmentModel model, FaultInjector faults, long seed) {
        this.sensor = sensor;
        this.model = model;
        this.faults = faults;
        this.random = new SplittableRandom(seed ^ (sensor.hashCode() * 0x9E3779B97F4A7C15L));
    }

    String sensor() {
        return sensor;
    }

    EnvironmentModel model() {
        return model;
    }

    boolean disconnected() {
        return faults.fault(sensor) == Fault.DISCONNECTED;
    }

    /** Values of the metrics for one measurement. */
    synchronized double[] sample(String... metrics) {
        Fault fault = faults.fault(sensor);
        if (fault != Fault.STUCK) {
            stuck = null;
        } else if (stuck != null && stuck.length == metrics.length) {
            return stuck.clone();
        }
        Conditions now = model.now();
        double[] values = new double[metrics.length];
        for (int i = 0; i < metrics.length; i++) {
            values[i] = now.value(metrics[i]);
        }
        if (fault == Fault.STUCK) {
            stuck = values.clone();
        } else if (spikeNow()) {
            for (int i = 0; i < metrics.length; i++) {
                values[i] = spikeValue(metrics[i]);
            }
        }
        return values;
    }

    /** Whether this measurement is a spike (for pulse devices, which have no frame to corrupt). */
    synchronized boolean spikeNow() {
        return faults.fault(sensor) == Fault.SPIKES && random.nextDouble() < faults.spikeProbability(sensor);
    }

    /** Half the plausible span beyond the catalogue's maximum: the device then clips it to its own raw range. */
    static double spikeValue(String metric) {
        Metric m = MetricCatalogue.require(metric);
        return m.max() + 0.5 * (m.max() - m.min());
    }

    Fault fault() {
        return faults.fault(sensor);
    }
}
