package io.agrisense.platform.model.warning;

import java.util.Objects;

/**
 * How likely the warned event is, 0..1, and how that figure was derived. Most models state it as the
 * probability that the true value lies beyond the threshold when the projection's error is normal with the
 * standard deviation of their fit or calibration: P = Phi(margin / sigma).
 */
public record Confidence(double value, String basis) {

    public Confidence {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("confidence " + value + " must be within 0..1");
        }
        Objects.requireNonNull(basis, "basis");
        if (basis.isBlank()) {
            throw new IllegalArgumentException("a confidence needs the basis it was derived from");
        }
    }

    /**
     * The probability that the event happens when the projection sits {@code margin} beyond the threshold on the
     * event's side (negative: short of it) with a normal error of standard deviation {@code sigma}.
     */
    public static Confidence ofMargin(double margin, double sigma, String basis) {
        if (!(sigma > 0) || Double.isInfinite(sigma) || Double.isNaN(margin)) {
            throw new IllegalArgumentException("confidence needs a finite margin and a positive spread, got margin "
                    + margin + " and sigma " + sigma);
        }
        return new Confidence(normalCdf(margin / sigma), basis);
    }

    /** Standard normal distribution function, Abramowitz and Stegun (1964) 26.2.17, error below 7.5e-8. */
    public static double normalCdf(double z) {
        if (z < 0) {
            return 1 - normalCdf(-z);
        }
        double t = 1 / (1 + 0.2316419 * z);
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        return 1 - Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * poly;
    }
}
