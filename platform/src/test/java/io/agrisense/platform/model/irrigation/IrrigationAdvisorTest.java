package io.agrisense.platform.model.irrigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IrrigationAdvisorTest {

    // loam: FC 30 %, WP 15 %, roots 0.5 m, p 0.5 -> TAW 75 mm, RAW 37.5 mm (FAO-56 eq. 82, 83)
    private static final SoilWater LOAM = new SoilWater(30, 15, 0.5, 0.5);
    private final IrrigationAdvisor drip = new IrrigationAdvisor(LOAM, 0.9);

    @Test
    void soilWaterTermsFollowFao56() {
        assertThat(LOAM.totalAvailableWater()).isCloseTo(75, within(1e-9));
        assertThat(LOAM.readilyAvailableWater()).isCloseTo(37.5, within(1e-9));
        assertThat(LOAM.depletion(24)).isCloseTo(30, within(1e-9));
        assertThat(LOAM.depletion(32)).isZero();
        assertThat(LOAM.depletion(10)).isCloseTo(75, within(1e-9));
    }

    @Test
    void noIrrigationWhileDepletionStaysBelowReadilyAvailableWater() {
        // Dr 30 mm - rain 2 + ETc 1.1 * 5 = 33.5 mm < RAW 36 mm (p = 0.5 + 0.04 (5 - 5.5) = 0.48)
        IrrigationAdvice advice = drip.advise(5.0, 1.1, 2.0, 24);

        assertThat(advice.irrigate()).isFalse();
        assertThat(advice.netMm()).isZero();
        assertThat(advice.cropEt()).isCloseTo(5.5, within(1e-9));
        assertThat(advice.depletionAfter()).isCloseTo(33.5, within(1e-9));
        assertThat(advice.reason()).startsWith("no irrigation");
    }

    @Test
    void refillsToFieldCapacityWhenDepletionPassesReadilyAvailableWater() {
        // Dr 40 mm > RAW 36: Ks = (75 - 40) / (0.52 x 75) = 0.8974 (FAO-56 eq. 84), ETc adj = 4.936 mm;
        // 44.94 mm net, / 0.9 = 49.93 mm gross
        IrrigationAdvice advice = drip.advise(5.0, 1.1, 0.0, 22);

        assertThat(advice.irrigate()).isTrue();
        assertThat(advice.depletionNow()).isCloseTo(40, within(1e-9));
        assertThat(advice.balance().stressCoefficient()).isCloseTo(35 / 39.0, within(1e-9));
        assertThat(advice.netMm()).isCloseTo(40 + 5.5 * 35 / 39.0, within(1e-9));
        assertThat(advice.grossMm()).isCloseTo((40 + 5.5 * 35 / 39.0) / 0.9, within(1e-9));
        assertThat(advice.reason()).isEqualTo(
                "irrigate 49.9 mm (44.9 mm net): depletion 44.9 mm by tonight exceeds the readily available 36.0 mm");
    }

    @Test
    void heavyRainCancelsTheNeed() {
        IrrigationAdvice advice = drip.advise(5.0, 1.1, 20.0, 22);
        assertThat(advice.irrigate()).isFalse();
        assertThat(advice.depletionAfter()).isCloseTo(20 + 5.5 * 35 / 39.0, within(1e-9));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new SoilWater(15, 30, 0.5, 0.5)).hasMessageContaining("wilting point");
        assertThatThrownBy(() -> new IrrigationAdvisor(LOAM, 0)).hasMessageContaining("efficiency");
        assertThatThrownBy(() -> drip.advise(-1, 1, 0, 20)).hasMessageContaining("negative");
    }
}
