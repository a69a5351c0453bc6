package io.agrisense.edge.sensor;

import io.agrisense.protocol.GasUnits;
import java.util.Locale;

/**
 * One gas sensor on its Alphasense individual sensor board, with the figures of the board's calibration sheet (mV):
 * the electronic offsets (WEe, AEe), the total zero offsets in zero air (WEt, AEt; the sensor zeros are WEo = WEt - WEe
 * and AEo = AEt - AEe), the working-electrode sensitivity in mV/ppb and, for an OX-B431, its NO2 sensitivity.
 * Converts the electrode voltages, read through the ADS1115, to ppb after AAN 803-05's temperature correction, and ppb
 * to ug/m3 at the GB 3095-2012 reference state (298.15 K, 101.325 kPa, as amended in 2018).
 */
public record ElectrochemicalCalibration(ElectrochemicalCell cell, BackgroundAlgorithm algorithm,
                                         double weElectronicZeroMv, double weTotalZeroMv,
                                         double aeElectronicZeroMv, double aeTotalZeroMv,
                                         double sensitivityMvPerPpb, double no2SensitivityMvPerPpb) {

    public ElectrochemicalCalibration {
        if (sensitivityMvPerPpb == 0 || !Double.isFinite(sensitivityMvPerPpb)) {
            throw new IllegalArgumentException(cell + ": sensitivity " + sensitivityMvPerPpb + " mV/ppb must be finite and non-zero");
        }
        if (cell != ElectrochemicalCell.OX_B431 && no2SensitivityMvPerPpb != 0) {
            throw new IllegalArgumentException(cell + " has no NO2 sensitivity to correct; only the OX-B431 does");
        }
    }

    /** A calibration with the cell's usual algorithm and no NO2 sensitivity. */
    public static ElectrochemicalCalibration of(ElectrochemicalCell cell, double weE, double weT, double aeE, double aeT,
                                                double sensitivityMvPerPpb) {
        return new ElectrochemicalCalibration(cell, cell.usualAlgorithm(), weE, weT, aeE, aeT, sensitivityMvPerPpb, 0);
    }

    public double weSensorZeroMv() {
        return weTotalZeroMv - weElectronicZeroMv;
    }

    public double aeSensorZeroMv() {
        return aeTotalZeroMv - aeElectronicZeroMv;
    }

    /** The corrected working-electrode output in mV at the sensor's temperature. */
    public double correctedWeMv(double weMv, double aeMv, double celsius) {
        double factor = cell.factor(algorithm, celsius);
        return algorithm.correctedWe(weMv, aeMv, weElectronicZeroMv, aeElectronicZeroMv, weSensorZeroMv(),
                aeSensorZeroMv(), factor);
    }

    /** The gas in ppb; for the OX-B431 this is O3 + NO2 until {@link #ozonePpb} takes the NO2 off. */
    public double ppb(double weMv, double aeMv, double celsius) {
        return correctedWeMv(weMv, aeMv, celsius) / sensitivityMvPerPpb;
    }

    /**
     * O3 from an OX-B431: the NO2 measured beside it answers on this working electrode with the NO2 sensitivity, so
     * O3 = (WEc - NO2 * S_NO2) / S_O3.
     */
    public double ozonePpb(double weMv, double aeMv, double celsius, double no2Ppb) {
        if (cell != ElectrochemicalCell.OX_B431) {
            throw new IllegalStateException(cell + " does not measure O3");
        }
        if (!Double.isFinite(no2Ppb)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "O3 needs the NO2 beside it; got %s ppb", no2Ppb));
        }
        return (correctedWeMv(weMv, aeMv, celsius) - no2Ppb * no2SensitivityMvPerPpb) / sensitivityMvPerPpb;
    }

    /** ppb of this cell's gas as ug/m3 at 298.15 K and 101.325 kPa (GB 3095-2012 clause 3.14, 2018 amendment). */
    public double microgramsPerCubicMetre(double ppb) {
        return GasUnits.microgramsPerCubicMetre(cell.gas(), ppb, GasUnits.ReferenceState.REFERENCE_298K);
    }
}
