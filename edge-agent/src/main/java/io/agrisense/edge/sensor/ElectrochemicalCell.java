package io.agrisense.edge.sensor;

import io.agrisense.protocol.GasUnits;
import java.util.Locale;

/**
 * Alphasense B4-series four-electrode gas sensors and their zero-background temperature factors from Alphasense
 * Application Note AAN 803-05, "Correcting for background currents in four electrode toxic gas sensors" (Table 3):
 * n_T, k_T, k'_T and k''_T for algorithms 1 to 4 at -30..50 °C in 10 °C steps, interpolated linearly between them.
 * The OX-B431 responds to O3 and NO2 together; its O3 needs the NO2 from an NO2-B43F beside it.
 */
public enum ElectrochemicalCell {
    //                                      -30   -20   -10     0    10    20    30    40    50 °C
    CO_B4(GasUnits.Gas.CO, BackgroundAlgorithm.ONE, new double[][]{
            {0.7, 0.7, 0.7, 0.7, 1.0, 3.0, 3.5, 4.0, 4.5},
            {0.2, 0.2, 0.2, 0.2, 0.3, 1.0, 1.2, 1.3, 1.5},
            {-1.0, -0.5, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0},
            {55, 55, 55, 50, 31, 0, -50, -150, -250}}),
    NO2_B43F(GasUnits.Gas.NO2, BackgroundAlgorithm.ONE, new double[][]{
            {1.3, 1.3, 1.3, 1.3, 1.0, 0.6, 0.4, 0.2, -1.5},
            {2.2, 2.2, 2.2, 2.2, 1.7, 1.0, 0.7, 0.3, -2.5},
            {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.4, -0.1, -4.0},
            {7, 7, 7, 7, 4, 0, 0.5, 5, 67}}),
    OX_B431(GasUnits.Gas.O3, BackgroundAlgorithm.ONE, new double[][]{
            {0.9, 0.9, 1.0, 1.3, 1.5, 1.7, 2.0, 2.5, 3.7},
            {0.5, 0.5, 0.6, 0.8, 0.9, 1.0, 1.2, 1.5, 2.2},
            {0.5, 0.5, 0.5, 0.6, 0.6, 1.0, 2.8, 5.0, 5.3},
            {1, 1, 1, 1, 1, 1, 8.5, 23, 103}}),
    SO2_B4(GasUnits.Gas.SO2, BackgroundAlgorithm.FOUR, new double[][]{
            {1.6, 1.6, 1.6, 1.6, 1.6, 1.6, 1.9, 3.0, 5.8},
            {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.2, 1.9, 3.6},
            {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 3.5, 7.0},
            {-4, -4, -4, -4, -4, 0, 20, 140, 450}});

    static final double MIN_CELSIUS = -30;
    static final double MAX_CELSIUS = 50;
    private static final double STEP_CELSIUS = 10;

    private final GasUnits.Gas gas;
    private final BackgroundAlgorithm usualAlgorithm;
    private final double[][] factors;

    ElectrochemicalCell(GasUnits.Gas gas, BackgroundAlgorithm usualAlgorithm, double[][] factors) {
        this.gas = gas;
        this.usualAlgorithm = usualAlgorithm;
        this.factors = factors;
    }

    /** The gas reported: O3 for the OX-B431 once NO2 is taken off. */
    public GasUnits.Gas gas() {
        return gas;
    }

    /** The algorithm used unless the calibration names another. */
    public BackgroundAlgorithm usualAlgorithm() {
        return usualAlgorithm;
    }

    /**
     * The algorithm's temperature factor at a temperature, interpolated linearly between the table's 10 °C points.
     *
     * @throws IllegalArgumentException outside -30..50 °C, where AAN 803-05 gives no factors
     */
    public double factor(BackgroundAlgorithm algorithm, double celsius) {
        if (!(celsius >= MIN_CELSIUS && celsius <= MAX_CELSIUS)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: %.1f °C is outside -30..50 °C, where "
                    + "AAN 803-05 gives temperature factors", name(), celsius));
        }
        double[] row = factors[algorithm.ordinal()];
        double position = (celsius - MIN_CELSIUS) / STEP_CELSIUS;
        int low = Math.min((int) Math.floor(position), row.length - 2);
        double fraction = position - low;
        return row[low] + fraction * (row[low + 1] - row[low]);
    }
}
