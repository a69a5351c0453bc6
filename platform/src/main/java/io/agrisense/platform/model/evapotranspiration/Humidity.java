package io.agrisense.platform.model.evapotranspiration;


/** The humidity data a station has for the period, in FAO-56's order of preference. */
public sealed interface Humidity {

    /** Actual vapour pressure ea in kPa for a period with extremes {@code tMax}, {@code tMin}. */
    double actualVapourPressure(double tMax, double tMin);

    /** Measured actual vapour pressure, kPa. */
    record VapourPressure(double kPa) implements Humidity {
        public double actualVapourPressure(double tMax, double tMin) {
            return kPa;
        }
    }

    record DewPoint(double celsius) implements Humidity {
        public double actualVapourPressure(double tMax, double tMin) {
            return Psychrometrics.actualFromDewPoint(celsius);
        }
    }

    record Extremes(double rhMax, double rhMin) implements Humidity {
        public double actualVapourPressure(double tMax, double tMin) {
            return Psychrometrics.actualFromHumidityExtremes(tMax, tMin, rhMax, rhMin);
        }
    }

    record MaximumOnly(double rhMax) implements Humidity {
        public double actualVapourPressure(double tMax, double tMin) {
            return Psychrometrics.actualFromMaximumHumidity(tMin, rhMax);
        }
    }

    record Mean(double rhMean) implements Humidity {
        public double actualVapourPressure(double tMax, double tMin) {
            return Psychrometrics.actualFromMeanHumidity(tMax, tMin, rhMean);
        }
    }

    /** No humidity data: the dew point is taken as the daily minimum temperature. */
    record Missing() implements Humidity {
        public double actualVapourPressure(double tMax, double tMin) {
            return Psychrometrics.actualFromDewPoint(tMin); // FAO-56 eq. 48, Tdew ~ Tmin
        }
    }
}
