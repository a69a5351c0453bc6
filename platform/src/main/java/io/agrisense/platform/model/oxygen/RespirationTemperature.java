package io.agrisense.platform.model.oxygen;

/**
 * Temperature correction of a biological oxygen-use rate, R(T) = R(T0) theta^(T - T0), with theta = 1.047 for
 * rivers and ponds (Lin, Water and Wastewater Calculations Manual, 2nd ed. 2007, ch. 1, "biological oxygen usage
 * rate" and its sediment oxygen demand example). 1.024, often quoted, is the correction of surface reaeration,
 * not of respiration.
 */
public final class RespirationTemperature {

    public static final double THETA = 1.047;

    private RespirationTemperature() {
    }

    /** The rate at {@code toTemperature} of a rate measured at {@code fromTemperature}, degrees Celsius. */
    public static double correct(double rate, double fromTemperature, double toTemperature, double theta) {
        if (!(theta >= 1 && theta < 1.2)) {
            throw new IllegalArgumentException("temperature coefficient theta " + theta + " must be within 1..1.2");
        }
        return rate * Math.pow(theta, toTemperature - fromTemperature);
    }
}
