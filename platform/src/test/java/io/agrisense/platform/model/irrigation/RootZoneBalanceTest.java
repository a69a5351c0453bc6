package io.agrisense.platform.model.irrigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RootZoneBalanceTest {

    /** A tea garden on loam: FC 30 %, WP 15 %, Zr 0.9 m (Table 22 lower bound), p 0.40: TAW 135 mm. */
    private static final SoilWater TEA_LOAM = new SoilWater(30, 15, CropCoefficients.TEA.rootDepth(),
            CropCoefficients.TEA.depletionFraction());

    @Test
    void depletionFractionFollowsTheTable22Note() {
        // p = 0.40 + 0.04 (5 - ETc): ETc 5 -> 0.40, ETc 2 -> 0.52, ETc 10 -> 0.20; kept within 0.1..0.8
        assertThat(RootZoneBalance.step(TEA_LOAM, 0, 5, 1.0, 0, 0).depletionFraction()).isCloseTo(0.40, within(1e-12));
        assertThat(RootZoneBalance.step(TEA_LOAM, 0, 2, 1.0, 0, 0).depletionFraction()).isCloseTo(0.52, within(1e-12));
        assertThat(RootZoneBalance.step(TEA_LOAM, 0, 10, 1.0, 0, 0).depletionFraction()).isCloseTo(0.20, within(1e-12));
        assertThat(RootZoneBalance.step(TEA_LOAM, 0, 20, 1.0, 0, 0).depletionFraction()).isEqualTo(0.1);
        assertThat(RootZoneBalance.step(TEA_LOAM, 0, 0, 1.0, 0, 0).depletionFraction()).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void stressReducesTheCropEvapotranspirationBeyondReadilyAvailableWater() {
        // TAW 135, p 0.40 at ETc 5: RAW 54; at Dr 94.5, Ks = (135 - 94.5) / (0.6 x 135) = 0.5
        RootZoneBalance.Day day = RootZoneBalance.step(TEA_LOAM, 94.5, 5, 1.0, 0, 0);
        assertThat(day.totalAvailable()).isCloseTo(135, within(1e-9));
        assertThat(day.readilyAvailable()).isCloseTo(54, within(1e-9));
        assertThat(day.stressCoefficient()).isCloseTo(0.5, within(1e-12));
        assertThat(day.adjustedCropEt()).isCloseTo(2.5, within(1e-12));
        assertThat(day.depletionEnd()).isCloseTo(97, within(1e-12));
        assertThat(RootZoneBalance.step(TEA_LOAM, 200, 5, 1.0, 0, 0).depletionStart()).isEqualTo(135); // at most TAW
    }

    @Test
    void rainBeyondTheDepletionPercolatesAndDrizzleEvaporates() {
        RootZoneBalance.Day soaked = RootZoneBalance.step(TEA_LOAM, 5, 4, 1.0, 30, 0);
        assertThat(soaked.depletionEnd()).isZero();
        assertThat(soaked.deepPercolation()).isCloseTo(30 - 5 - 4, within(1e-12)); // FAO-56 eq. 88
        // 0.7 mm on a 4 mm ET0 day is under 0.2 ET0: it wets the surface and evaporates
        RootZoneBalance.Day drizzle = RootZoneBalance.step(TEA_LOAM, 10, 4, 1.0, 0.7, 0);
        assertThat(drizzle.effectiveRain()).isZero();
        assertThat(drizzle.depletionEnd()).isCloseTo(14, within(1e-12));
        assertThatThrownBy(() -> RootZoneBalance.step(TEA_LOAM, 10, 4, 1.0, -1, 0)).hasMessageContaining("must not be negative");
    }

    @Test
    void cropCoefficientsFollowTables11And12AndEquations62And66() {
        CropCoefficients citrus = CropCoefficients.CITRUS;
        assertThat(citrus.kc(30)).isEqualTo(0.70);
        assertThat(citrus.kc(60 + 45)).isCloseTo(0.675, within(1e-12)); // half way through development (eq. 66)
        assertThat(citrus.kc(200)).isEqualTo(0.65);
        assertThat(citrus.kc(270 + 95)).isCloseTo(0.70, within(1e-12));
        assertThat(citrus.kc(400)).isEqualTo(0.70);
        assertThat(CropCoefficients.TEA.kc(100)).isEqualTo(1.00);
        // eq. 62 for citrus Kc mid 0.65 at u2 3 m/s, RHmin 30 %, h 4 m: 0.65 + 0.10 (4/3)^0.3 = 0.7590
        assertThat(CropCoefficients.adjustForClimate(0.65, 3, 30, 4)).isCloseTo(0.75901, within(1e-5));
        // humid Hubei summer, RHmin 65 %, u2 1.5 m/s: Kc mid of tea 1.00 - (0.02 + 0.08) (1.5/3)^0.3 = 0.9188
        CropCoefficients humidTea = CropCoefficients.TEA.adjustedForClimate(1.5, 65);
        assertThat(humidTea.kcMid()).isCloseTo(1.00 + (0.04 * (1.5 - 2) - 0.004 * 20) * Math.pow(0.5, 0.3), within(1e-12));
        assertThat(CropCoefficients.CABBAGE.kc(40 + 30)).isCloseTo(0.875, within(1e-12));
    }
}
