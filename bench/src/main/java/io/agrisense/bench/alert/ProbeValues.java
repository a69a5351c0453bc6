package io.agrisense.bench.alert;

/**
 * The dissolved-oxygen values a probe sends: cycle {@code n} sends a low value under the rule's raise level and
 * then a recovering one over its clear level, both carrying {@code n} in their last digits so that the alert (and
 * the broker tap) can be matched to the exact reading that caused it.
 */
final class ProbeValues {

    /** The probe rule: raise at or below this level... */
    static final double RAISE = 3.0;
    /** ...and clear at or above this one (hysteresis). */
    static final double CLEAR = 3.5;
    private static final int DISTINCT = 10_000;

    private ProbeValues() {
    }

    /** 2.0000 .. 2.9999 mg/L: always at or below {@link #RAISE}. */
    static double low(long cycle) {
        return 2.0 + tag(cycle);
    }

    /** 5.0000 .. 5.9999 mg/L: always at or above {@link #CLEAR}. */
    static double recovery(long cycle) {
        return 5.0 + tag(cycle);
    }

    /** Values survive the JSON round trip exactly; the tolerance only guards against a different encoding. */
    static boolean same(Double received, double sent) {
        return received != null && Math.abs(received - sent) < 1e-9;
    }

    private static double tag(long cycle) {
        return Math.floorMod(cycle, DISTINCT) / (double) DISTINCT;
    }
}
