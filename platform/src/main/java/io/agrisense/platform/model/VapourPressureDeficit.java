package io.agrisense.platform.model;

import io.agrisense.platform.model.evapotranspiration.Psychrometrics;

/**
 * Vapour pressure deficit of greenhouse air: how strongly the air pulls water from leaves. Low values favour
 * fungal disease (condensation), high values close stomata. Saturation pressure per FAO-56 eq. 11.
 */
public final class VapourPressureDeficit {

    private VapourPressureDeficit() {
    }

    /** VPD in kPa of air at {@code airTemperature} (degrees Celsius) and {@code rh} (percent). */
    public static double kPa(double airTemperature, double rh) {
        if (!(rh >= 0 && rh <= 100)) {
            throw new IllegalArgumentException("relative humidity " + rh + " %RH must be in [0, 100]");
        }
        double es = Psychrometrics.saturationVapourPressure(airTemperature);
        return es - es * rh / 100; // es - ea with ea = es * RH / 100 (FAO-56 eq. 10 rearranged)
    }
}
