package io.agrisense.platform.model;

/** Temperature-humidity index for livestock heat stress in the NRC (1971) form, as used by Armstrong (1994). */
public final class TemperatureHumidityIndex {

    private TemperatureHumidityIndex() {
    }

    /** THI from dry-bulb air temperature (degrees Celsius) and relative humidity (percent). */
    public static double of(double airTemperature, double rh) {
        if (!(rh >= 0 && rh <= 100)) {
            throw new IllegalArgumentException("relative humidity " + rh + " %RH must be in [0, 100]");
        }
        return (1.8 * airTemperature + 32) - (0.55 - 0.0055 * rh) * (1.8 * airTemperature - 26); // NRC 1971
    }

    public static HeatStress stress(double airTemperature, double rh) {
        return HeatStress.of(of(airTemperature, rh));
    }
}
