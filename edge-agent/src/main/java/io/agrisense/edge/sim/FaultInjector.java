package io.agrisense.edge.sim;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults injected per sensor into the simulated devices, so the real drivers meet them the way they would on a Pi:
 * <ul>
 *   <li>disconnected: I2C transfers are not acknowledged, the 1-Wire directory disappears, the UART goes quiet, an
 *       ADC input floats to full scale, pulse inputs stop;</li>
 *   <li>stuck: the device keeps returning the sample it had when the fault began (valid CRCs and all);</li>
 *   <li>spikes: each sample is, with the given probability, an out-of-range raw value.</li>
 * </ul>
 */
public final class FaultInjector {

    public enum Fault { NONE, DISCONNECTED, STUCK, SPIKES }

    private record State(Fault fault, double probability) {
    }

    private static final State HEALTHY = new State(Fault.NONE, 0);

    private final Set<String> sensors;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    FaultInjector(Set<String> sensors) {
        this.sensors = Set.copyOf(sensors);
    }

    public void disconnect(String sensor) {
        states.put(known(sensor), new State(Fault.DISCONNECTED, 0));
    }

    public void stuck(String sensor) {
        states.put(known(sensor), new State(Fault.STUCK, 0));
    }

    public void spikes(String sensor, double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("spike probability must be between 0 and 1, got " + probability);
        }
        states.put(known(sensor), new State(Fault.SPIKES, probability));
    }

    public void clear(String sensor) {
        states.remove(known(sensor));
    }

    public Fault fault(String sensor) {
        return states.getOrDefault(sensor, HEALTHY).fault();
    }

    double spikeProbability(String sensor) {
        return states.getOrDefault(sensor, HEALTHY).probability();
    }

    private String known(String sensor) {
        if (!sensors.contains(sensor)) {
            throw new IllegalArgumentException("no simulated sensor named '" + sensor + "'; sensors: "
                    + sensors.stream().sorted().toList());
        }
        return sensor;
    }
}
