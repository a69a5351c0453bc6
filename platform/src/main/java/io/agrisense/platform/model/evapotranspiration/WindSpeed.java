package io.agrisense.platform.model.evapotranspiration;

/** A mean wind speed measured at some height above short grass. */
public record WindSpeed(double metresPerSecond, double height) {

    /** FAO-56 chapter 3: where wind data are missing, 2 m/s is the recommended temporary estimate. */
    public static final WindSpeed MISSING_DATA_ESTIMATE = new WindSpeed(2.0, 2.0);

    public WindSpeed {
        if (!(metresPerSecond >= 0) || !(height > 0.1)) {
            throw new IllegalArgumentException("wind " + metresPerSecond + " m/s at " + height + " m is not usable");
        }
    }

    public static WindSpeed kilometresPerHour(double kmh, double height) {
        return new WindSpeed(kmh / 3.6, height);
    }

    /** The speed at the standard 2 m height by the logarithmic wind profile. */
    public double at2m() {
        if (height == 2.0) {
            return metresPerSecond;
        }
        return metresPerSecond * 4.87 / Math.log(67.8 * height - 5.42); // FAO-56 eq. 47
    }
}
