package io.agrisense.platform.model.frost;

import java.util.Objects;

/**
 * The air temperature (screen height, 1.5 m) at which frost begins to harm a crop, with where the figure comes
 * from. A station's profile picks one; the frost warning fires when the night's projected minimum reaches it.
 */
public record CriticalTemperature(String subject, double celsius, String source) {

    /**
     * Sprouted spring tea shoots: harmed when the minimum air temperature falls to 4 degrees Celsius or below
     * (Qian et al. 2023, spring frost of tea at Liyang, and Meng et al. 2019, Zhejiang Climate Centre, both citing
     * Hao et al.'s climate-chamber cold-stress trials; Wang et al. 2021, J. Appl. Meteorol. Sci. 32(2), review).
     */
    public static final CriticalTemperature TEA_SPRING_SHOOTS = new CriticalTemperature("tea shoots", 4.0,
            "spring tea shoots are harmed at a minimum of 4 Cel or below (Qian et al. 2023; Meng et al. 2019)");

    /** Satsuma and other citrus fruit freeze at 26 to 28 F (-3.3 to -2.2 C) held for several hours (LSU AgCenter). */
    public static final CriticalTemperature SATSUMA_FRUIT = new CriticalTemperature("satsuma fruit", -2.2,
            "citrus fruit freezes at 26-28 F held for several hours (LSU AgCenter, Citrus and Freezing Temperatures)");

    /** Hardened bearing satsuma trees withstand 20 F (-6.7 C) without appreciable wood damage (LSU AgCenter). */
    public static final CriticalTemperature SATSUMA_TREE = new CriticalTemperature("satsuma trees", -6.7,
            "hardened satsuma trees withstand 20 F without appreciable wood damage (LSU AgCenter)");

    /** Ice on exposed plant surfaces: the 0 C of the CMA frost signal (ground minimum, CMA Order No. 16, 2007). */
    public static final CriticalTemperature OPEN_FIELD = new CriticalTemperature("crops", 0.0,
            "0 Cel, the CMA blue frost signal's ground minimum (CMA Order No. 16, 2007)");

    public CriticalTemperature {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(source, "source");
        if (!(celsius > -40 && celsius < 15)) {
            throw new IllegalArgumentException("critical temperature " + celsius + " Cel for " + subject
                    + " is outside -40..15");
        }
    }
}
