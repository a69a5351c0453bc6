package io.agrisense.protocol;

import java.util.Locale;

/**
 * Mole fraction (ppb) and mass concentration (ug/m3) of the gaseous criteria pollutants, converted at a reference
 * state by the ideal gas law: c = x M / Vm with Vm = R T / p. A mole fraction does not change with temperature or
 * pressure, so a sensor's ppb converts to a mass concentration at the reference state without the ambient T and p.
 *
 * <p>GB 3095-2012 as amended in 2018 (MEE announcement 2018 No. 29, in force 1 September 2018, clause 3.14) states
 * SO2, NO2, CO, O3 and NOx at the reference state 298.15 K and 1013.25 hPa (Vm = 24.465 L/mol), which HJ 633-2012
 * indexes; the original 2012 text used the standard state 273 K, 101.325 kPa (Vm = 22.414 L/mol), kept here for
 * data from before the amendment. The US EPA converts at 25 °C and 1 atm, the same state as the amendment.
 */
public final class GasUnits {

    /** Molar gas constant, J/(mol K) (CODATA 2018, exact). */
    static final double R = 8.314462618;

    /** Molar masses in g/mol from the IUPAC abridged standard atomic weights (S 32.06, O 15.999, N 14.007, C 12.011). */
    public enum Gas {
        SO2(64.058), NO2(46.005), O3(47.997), CO(28.010);

        private final double gramsPerMole;

        Gas(double gramsPerMole) {
            this.gramsPerMole = gramsPerMole;
        }

        public double gramsPerMole() {
            return gramsPerMole;
        }
    }

    /** A temperature and pressure at which a mass concentration is stated. */
    public record ReferenceState(double kelvin, double pascal) {

        /** GB 3095-2012 clause 3.14 as amended in 2018, and the EPA's 25 °C, 1 atm. */
        public static final ReferenceState REFERENCE_298K = new ReferenceState(298.15, 101_325);
        /** GB 3095-2012 clause 3.14 before the 2018 amendment (standard state). */
        public static final ReferenceState STANDARD_273K = new ReferenceState(273.15, 101_325);

        public ReferenceState {
            if (!(kelvin > 0) || !(pascal > 0) || Double.isInfinite(kelvin) || Double.isInfinite(pascal)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "a reference state needs a positive finite temperature and pressure, got %s K and %s Pa",
                        kelvin, pascal));
            }
        }

        /** Molar volume of an ideal gas in litres per mole. */
        public double litresPerMole() {
            return R * kelvin / pascal * 1000;
        }
    }

    private GasUnits() {
    }

    /** Mass concentration in ug/m3 of a mole fraction in ppb (nmol/mol): ug/m3 = ppb * M / Vm[L/mol]. */
    public static double microgramsPerCubicMetre(Gas gas, double ppb, ReferenceState state) {
        requireFinite(ppb, "ppb");
        return ppb * gas.gramsPerMole() / state.litresPerMole();
    }

    /** Mole fraction in ppb of a mass concentration in ug/m3: the inverse of {@link #microgramsPerCubicMetre}. */
    public static double ppb(Gas gas, double microgramsPerCubicMetre, ReferenceState state) {
        requireFinite(microgramsPerCubicMetre, "ug/m3");
        return microgramsPerCubicMetre * state.litresPerMole() / gas.gramsPerMole();
    }

    private static void requireFinite(double value, String unit) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(value + " " + unit + " is not a finite concentration");
        }
    }
}
