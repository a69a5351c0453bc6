package io.agrisense.platform.model.frost;

import io.agrisense.platform.model.LinearRegression;
import java.util.List;

/**
 * The on-farm forecast of a radiation night's minimum of Snyder and de Melo-Abreu, "Frost Protection:
 * fundamentals, practice and economics", vol. 1 (FAO, 2005), chapter 5 and its FFST.xls application:
 * Tp = a T0 + b Td0 + c, from the air temperature T0 and dew point Td0 two hours after sunset. A site
 * calibrates a, b and c on its own radiation-frost nights (clear, calm, no fog or rain) by the book's two-step
 * regression: the minima on T0, then the residuals of that line on Td0.
 *
 * @param nights      how many nights the coefficients were fitted on
 * @param residualStd standard deviation of the minima about the forecast (n - 3 degrees of freedom), degrees
 *                    Celsius: the spread a frost warning's confidence is computed with
 */
public record MinimumTemperatureForecast(double a, double b, double c, int nights, double residualStd) {

    /** Our floor: three coefficients and at least two degrees of freedom for the spread. */
    public static final int MIN_NIGHTS = 5;

    /** One calibration night: temperature and dew point two hours after sunset, and the night's minimum. */
    public record Night(double temperature, double dewPoint, double minimum) {
    }

    public MinimumTemperatureForecast {
        if (!(residualStd > 0) || nights < MIN_NIGHTS) {
            throw new IllegalArgumentException("a minimum-temperature forecast needs at least " + MIN_NIGHTS
                    + " calibration nights and a positive spread, got " + nights + " nights, spread " + residualStd);
        }
    }

    public static MinimumTemperatureForecast calibrate(List<Night> nights) {
        int n = nights.size();
        if (n < MIN_NIGHTS) {
            throw new IllegalArgumentException("calibrating the minimum-temperature forecast needs at least "
                    + MIN_NIGHTS + " radiation-frost nights, got " + n);
        }
        double[] t0 = new double[n];
        double[] td0 = new double[n];
        double[] tn = new double[n];
        for (int i = 0; i < n; i++) {
            Night night = nights.get(i);
            if (!Double.isFinite(night.temperature()) || !Double.isFinite(night.dewPoint())
                    || !Double.isFinite(night.minimum())) {
                throw new IllegalArgumentException("calibration night " + (i + 1) + " has a missing value: " + night);
            }
            t0[i] = night.temperature();
            td0[i] = night.dewPoint();
            tn[i] = night.minimum();
        }
        LinearRegression first = LinearRegression.fit(t0, tn); // step 1: Tp' = a T0 + w
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            residual[i] = tn[i] - first.predict(t0[i]);
        }
        LinearRegression second = LinearRegression.fit(td0, residual); // step 2: R' = b Td0 + d, c = w + d
        double a = first.slope();
        double b = second.slope();
        double c = first.intercept() + second.intercept();
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = tn[i] - (a * t0[i] + b * td0[i] + c);
            sse += r * r;
        }
        return new MinimumTemperatureForecast(a, b, c, n, Math.sqrt(sse / (n - 3)));
    }

    /** The forecast minimum from the temperature and dew point two hours after sunset, degrees Celsius. */
    public double predict(double temperature, double dewPoint) {
        return a * temperature + b * dewPoint + c;
    }
}
