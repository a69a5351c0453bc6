package io.agrisense.platform.model.disease;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The generic infection model of Magarey, Sutton and Thayer (2005, "A simple generic infection model for foliar
 * fungal plant pathogens", Phytopathology 95:92): the surface wetness a pathogen needs at temperature T is
 * W(T) = Wmin / f(T), with the temperature response of Yan and Hunt
 * f(T) = ((Tmax - T) / (Tmax - Topt)) ((T - Tmin) / (Topt - Tmin))^((Topt - Tmin) / (Tmax - Topt)), 1 at the
 * optimum. Between the cardinal temperatures the requirement is capped at Wmax (as in the implementation of
 * Wallach et al., Working with Dynamic Crop Models, ZeBook); outside them there is no infection. Wet spells
 * separated by a dry break no longer than {@code dryInterruption} count as one.
 *
 * @param wMin the wetness hours needed at the optimum (20 % incidence or 5 % severity in Magarey's definition)
 * @param wMax the cap of the requirement near the cardinal temperatures, hours
 */
public record InfectionModel(String pathogen, String disease, double tMin, double tOpt, double tMax, double wMin,
                             double wMax, Duration dryInterruption, String source) {

    /**
     * Citrus scab, Elsinoë fawcettii. Wmin 3 h: Whiteside (1975, Phytopathology 65:1170) found a minimum wetting
     * period of 2.5 to 3.5 h for infection. Topt 25: Agostini, Bushong, Bhatia and Timmer (2003, Plant Dis.
     * 87:1102) found scab most severe from 23.5 to 27 C, much less severe at 17, 20, 30 and 32 C, and some infection
     * after 4 h of wetness. Tmin 15 and Tmax 34 lie just outside the range where infection was still seen, and
     * Wmax 24 h bounds the requirement near them: those three are our assumptions, not published values. Dry
     * breaks up to 1 h are bridged (sensor noise; coloured conidia survive drying, Whiteside 1975).
     */
    public static final InfectionModel CITRUS_SCAB = new InfectionModel("Elsinoë fawcettii", "citrus scab", 15, 25, 34,
            3, 24, Duration.ofHours(1),
            "Magarey et al. 2005 model; Wmin after Whiteside 1975, Topt after Agostini et al. 2003; Tmin, Tmax, Wmax assumed");

    public InfectionModel {
        Objects.requireNonNull(pathogen, "pathogen");
        Objects.requireNonNull(disease, "disease");
        Objects.requireNonNull(dryInterruption, "dryInterruption");
        Objects.requireNonNull(source, "source");
        if (!(tMin < tOpt && tOpt < tMax) || !(wMin > 0 && wMin <= wMax) || dryInterruption.isNegative()) {
            throw new IllegalArgumentException("infection model for " + disease + " needs Tmin < Topt < Tmax ("
                    + tMin + ", " + tOpt + ", " + tMax + "), 0 < Wmin <= Wmax (" + wMin + ", " + wMax
                    + ") and a dry interruption >= 0");
        }
    }

    /** f(T), 0..1: 1 at the optimum, 0 at and beyond the cardinal temperatures. */
    public double temperatureResponse(double temperature) {
        if (!(temperature > tMin && temperature < tMax)) {
            return 0;
        }
        double exponent = (tOpt - tMin) / (tMax - tOpt);
        return (tMax - temperature) / (tMax - tOpt) * Math.pow((temperature - tMin) / (tOpt - tMin), exponent);
    }

    /** Hours of wetness needed for infection at {@code temperature}; empty when infection is impossible. */
    public OptionalDouble requiredWetness(double temperature) {
        double f = temperatureResponse(temperature);
        return f <= 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.min(wMax, wMin / f));
    }
}
