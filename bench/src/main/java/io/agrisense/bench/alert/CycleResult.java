package io.agrisense.bench.alert;

/**
 * What one probe cycle saw, as latencies in nanoseconds from the publish of the reading that caused each event
 * ({@link #MISSING} when it did not arrive in time). The firing alert's {@code value} and the resolution's
 * {@code resolve_value} are kept to check that the alert carries the reading that triggered it.
 *
 * @param measured            false during the warm-up
 * @param platformLatencyNanos the platform's own {@code latency_ms} for the firing alert (its receipt of the
 *                             reading to its decision), or {@link #MISSING}
 */
record CycleResult(String station, long cycle, boolean measured, double low, double recovery,
                   long brokerLow, long brokerRecovery,
                   long mqttFiring, Double mqttFiringValue, long sseFiring, Double sseFiringValue,
                   long platformLatencyNanos,
                   long mqttResolved, Double mqttResolveValue, long sseResolved, Double sseResolveValue,
                   boolean sameAlertResolved) {

    static final long MISSING = -1;

    static boolean arrived(long latency) {
        return latency != MISSING;
    }
}
