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
        // Dr 30 mm - rain 2 + ETc 1.1 * 5 = 33.5 mm < 37.5 mm
        IrrigationAdvice advice = drip.advise(5.0, 1.1, 2.0, 24);

        assertThat(advice.irrigate()).isFalse();
        assertThat(advice.netMm()).isZero();
        assertThat(advice.cropEt()).isCloseTo(5.5, within(1e-9));
        assertThat(advice.depletionAfter()).isCloseTo(33.5, within(1e-9));
        assertThat(advice.reason()).startsWith("no irrigation");
    }

    @Test
    void refillsToFieldCapacityWhenDepletionPassesReadilyAvailableWater() {
        // Dr 40 mm - rain 0 + ETc 5.5 = 45.5 mm net, 45.5 / 0.9 = 50.6 mm gross
        IrrigationAdvice advice = drip.advise(5.0, 1.1, 0.0, 22);

        assertThat(advice.irrigate()).isTrue();
        assertThat(advice.depletionNow()).isCloseTo(40, within(1e-9));
        assertThat(advice.netMm()).isCloseTo(45.5, within(1e-9));
        assertThat(advice.grossMm()).isCloseTo(50.556, within(0.001));
        assertThat(advice.reason()).isEqualTo(
                "irrigate 50.6 mm (45.5 mm net): depletion 45.5 mm by tonight exceeds the readily available 37.5 mm");
    }

    @Test
    void heavyRainCancelsTheNeed() {
        IrrigationAdvice advice = drip.advise(5.0, 1.1, 20.0, 22);
        assertThat(advice.irrigate()).isFalse();
        assertThat(advice.depletionAfter()).isCloseTo(25.5, within(1e-9));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new SoilWater(15, 30, 0.5, 0.5)).hasMessageContaining("wilting point");
        assertThatThrownBy(() -> new IrrigationAdvisor(LOAM, 0)).hasMessageContaining("efficiency");
        assertThatThrownBy(() -> drip.advise(-1, 1, 0, 20)).hasMessageContaining("negative");
    }
}
