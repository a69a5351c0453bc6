package io.agrisense.platform.model;

/**
 * Ordinary least squares {@code y = intercept + slope x} with what a prediction interval needs: the residual
 * standard deviation on n - 2 degrees of freedom and the spread of x (Draper and Smith, Applied Regression
 * Analysis, 3rd ed. 1998, sec. 1.4). The warning models use it to turn a fitted trend into a confidence.
 *
 * @param residualStd standard deviation of the residuals (n - 2 degrees of freedom); NaN with two points
 * @param rSquared    share of the variance of y explained by x; NaN when y does not vary
 */
public record LinearRegression(double intercept, double slope, int n, double meanX, double sxx,
                               double residualStd, double rSquared) {

    public static LinearRegression fit(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("regression needs as many x as y values, got " + x.length + " and " + y.length);
        }
        int n = x.length;
        if (n < 2) {
            throw new IllegalArgumentException("regression needs at least 2 points, got " + n);
        }
        double sumX = 0;
        double sumY = 0;
        for (int i = 0; i < n; i++) {
            sumX += x[i];
            sumY += y[i];
        }
        double meanX = sumX / n;
        double meanY = sumY / n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (y[i] - meanY);
            syy += (y[i] - meanY) * (y[i] - meanY);
        }
        if (!(sxx > 0)) {
            throw new IllegalArgumentException("regression needs at least two different x values");
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - (intercept + slope * x[i]);
            sse += r * r;
        }
        double residualStd = n > 2 ? Math.sqrt(sse / (n - 2)) : Double.NaN;
        double rSquared = syy > 0 ? 1 - sse / syy : Double.NaN;
        return new LinearRegression(intercept, slope, n, meanX, sxx, residualStd, rSquared);
    }

    public double predict(double x) {
        return intercept + slope * x;
    }

    /** Standard error of a new observation at {@code x}: s sqrt(1 + 1/n + (x - mean)^2 / Sxx). */
    public double predictionStdError(double x) {
        return residualStd * Math.sqrt(1 + 1.0 / n + (x - meanX) * (x - meanX) / sxx);
    }
}
