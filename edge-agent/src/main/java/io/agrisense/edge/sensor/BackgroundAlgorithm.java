package io.agrisense.edge.sensor;

/**
 * The four zero-background corrections of Alphasense AAN 803-05 for a four-electrode sensor read through an ISB or
 * AFE board, all in mV: WEu, AEu the raw electrode outputs, WEe, AEe the board's electronic offsets, WEo, AEo the
 * sensor zeros (total zero offset less electronic offset), f the temperature factor of the algorithm.
 */
public enum BackgroundAlgorithm {
    /** WEc = (WEu - WEe) - n_T (AEu - AEe). */
    ONE,
    /** WEc = (WEu - WEe) - k_T (WEo / AEo) (AEu - AEe). */
    TWO,
    /** WEc = (WEu - WEe) - (WEo - AEo) - k'_T (AEu - AEe). */
    THREE,
    /** WEc = (WEu - WEe) - WEo - k''_T; uses no auxiliary electrode. */
    FOUR;

    /** The corrected working-electrode output in mV. */
    double correctedWe(double weU, double aeU, double weE, double aeE, double weO, double aeO, double factor) {
        double we = weU - weE;
        double ae = aeU - aeE;
        return switch (this) {
            case ONE -> we - factor * ae;
            case TWO -> {
                if (aeO == 0) {
                    throw new IllegalArgumentException("algorithm 2 divides by the auxiliary sensor zero, which is 0 mV "
                            + "on this calibration; use another algorithm");
                }
                yield we - factor * (weO / aeO) * ae;
            }
            case THREE -> we - (weO - aeO) - factor * ae;
            case FOUR -> we - weO - factor;
        };
    }
}
