package io.agrisense.bench.alert;

import io.agrisense.bench.common.LatencyRecorder;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds up the probe cycles: latencies over the measured cycles only, correctness over every cycle (a missing or
 * wrong alert during the warm-up is just as much a failure). Pure; the report reads its figures from here.
 */
final class ProbeTally {

    private static final int FAILURES_LISTED = 10;

    final LatencyRecorder brokerLow = new LatencyRecorder();
    final LatencyRecorder mqttFiring = new LatencyRecorder();
    final LatencyRecorder sseFiring = new LatencyRecorder();
    final LatencyRecorder platformDecision = new LatencyRecorder();
    final LatencyRecorder brokerRecovery = new LatencyRecorder();
    final LatencyRecorder mqttResolved = new LatencyRecorder();
    final LatencyRecorder sseResolved = new LatencyRecorder();

    int cycles;
    int measuredCycles;
    int mqttFiringReceived;
    int sseFiringReceived;
    int firingValueRight;
    int mqttResolvedReceived;
    int sseResolvedReceived;
    int resolveValueRight;
    int sameAlertResolved;
    /** Probe readings (two per cycle) the plain subscriber received. */
    int brokerReceived;
    private int failedCycles;
    private final List<String> failures = new ArrayList<>();

    static ProbeTally of(List<CycleResult> results) {
        ProbeTally t = new ProbeTally();
        results.forEach(t::add);
        return t;
    }

    private void add(CycleResult r) {
        cycles++;
        if (r.measured()) {
            measuredCycles++;
            record(brokerLow, r.brokerLow());
            record(mqttFiring, r.mqttFiring());
            record(sseFiring, r.sseFiring());
            record(platformDecision, r.platformLatencyNanos());
            record(brokerRecovery, r.brokerRecovery());
            record(mqttResolved, r.mqttResolved());
            record(sseResolved, r.sseResolved());
        }
        List<String> wrong = new ArrayList<>();
        mqttFiringReceived += count(r.mqttFiring(), wrong, "no firing alert on MQTT");
        sseFiringReceived += count(r.sseFiring(), wrong, "no firing alert on SSE");
        mqttResolvedReceived += count(r.mqttResolved(), wrong, "no resolution on MQTT");
        sseResolvedReceived += count(r.sseResolved(), wrong, "no resolution on SSE");
        brokerReceived += count(r.brokerLow(), wrong, "the broker tap did not receive the low reading")
                + count(r.brokerRecovery(), wrong, "the broker tap did not receive the recovering reading");
        if (rightValues(r.mqttFiring(), r.mqttFiringValue(), r.sseFiring(), r.sseFiringValue(), r.low(), wrong, "value")) {
            firingValueRight++;
        }
        if (rightValues(r.mqttResolved(), r.mqttResolveValue(), r.sseResolved(), r.sseResolveValue(), r.recovery(), wrong, "resolve_value")) {
            resolveValueRight++;
        }
        if (r.sameAlertResolved()) {
            sameAlertResolved++;
        } else {
            wrong.add("the resolution is not of the alert that fired");
        }
        if (!wrong.isEmpty()) {
            failedCycles++;
            if (failures.size() < FAILURES_LISTED) {
                failures.add(r.station() + " cycle " + r.cycle() + (r.measured() ? "" : " (warm-up)") + ": " + String.join("; ", wrong));
            }
        }
    }

    private static void record(LatencyRecorder recorder, long latency) {
        if (CycleResult.arrived(latency)) {
            recorder.record(latency);
        }
    }

    private static int count(long latency, List<String> wrong, String missing) {
        if (CycleResult.arrived(latency)) {
            return 1;
        }
        wrong.add(missing);
        return 0;
    }

    /** Every copy that arrived carries the value sent (a missing copy is counted as missing, not here). */
    private static boolean rightValues(long mqtt, Double mqttValue, long sse, Double sseValue, double sent,
                                       List<String> wrong, String field) {
        boolean ok = true;
        if (CycleResult.arrived(mqtt) && !ProbeValues.same(mqttValue, sent)) {
            wrong.add("MQTT " + field + " " + mqttValue + ", sent " + sent);
            ok = false;
        }
        if (CycleResult.arrived(sse) && !ProbeValues.same(sseValue, sent)) {
            wrong.add("SSE " + field + " " + sseValue + ", sent " + sent);
            ok = false;
        }
        return ok && (CycleResult.arrived(mqtt) || CycleResult.arrived(sse));
    }

    boolean passed() {
        return failedCycles == 0 && measuredCycles > 0;
    }

    int failedCycles() {
        return failedCycles;
    }

    /** The first few failed cycles, each with what went wrong. */
    List<String> failures() {
        return failures;
    }
}
