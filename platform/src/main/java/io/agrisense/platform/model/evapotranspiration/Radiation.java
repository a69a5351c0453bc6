package io.agrisense.platform.model.evapotranspiration;

/** The radiation data a station has for the period. */
public sealed interface Radiation {

    /** Measured global solar radiation Rs, MJ m-2 day-1. */
    record Measured(double megajoulesPerSquareMetre) implements Radiation {
    }

    /** Actual hours of bright sunshine per day (a monthly mean for monthly data). */
    record Sunshine(double hours) implements Radiation {
    }

    /** Neither: estimate Rs from the temperature range (Hargreaves, FAO-56 eq. 50). */
    record FromTemperatureRange() implements Radiation {
    }
}
