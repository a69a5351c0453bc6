package io.agrisense.platform.model.water;

import static io.agrisense.platform.model.water.SurfaceWaterQuality.Parameter.AMMONIA_NITROGEN;
import static io.agrisense.platform.model.water.SurfaceWaterQuality.Parameter.DISSOLVED_OXYGEN;
import static io.agrisense.platform.model.water.SurfaceWaterQuality.Parameter.PERMANGANATE_INDEX;
import static io.agrisense.platform.model.water.SurfaceWaterQuality.Parameter.PH;
import static io.agrisense.platform.model.water.SurfaceWaterQuality.Parameter.TOTAL_NITROGEN;
import static io.agrisense.platform.model.water.SurfaceWaterQuality.Parameter.TOTAL_PHOSPHORUS;
import static io.agrisense.platform.model.water.SurfaceWaterQuality.WaterBody.LAKE_OR_RESERVOIR;
import static io.agrisense.platform.model.water.SurfaceWaterQuality.WaterBody.RIVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.agrisense.platform.model.water.SurfaceWaterQuality.Assessment;
import io.agrisense.platform.model.water.SurfaceWaterQuality.Parameter;
import io.agrisense.platform.model.water.SurfaceWaterQuality.ParameterClass;
import io.agrisense.platform.model.water.SurfaceWaterQuality.WaterClass;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SurfaceWaterQualityTest {

    /** GB 3838-2002 Table 1: a value at a class limit is in that class; just past the class V limit is worse than V. */
    @ParameterizedTest(name = "{0}: limits {1}")
    @CsvSource(delimiter = ';', value = {
            "PERMANGANATE_INDEX; 2 4 6 10 15",
            "COD;                15 15 20 30 40",
            "BOD5;               3 3 4 6 10",
            "AMMONIA_NITROGEN;   0.15 0.5 1.0 1.5 2.0",
            "TOTAL_PHOSPHORUS;   0.02 0.1 0.2 0.3 0.4",
            "COPPER;             0.01 1.0 1.0 1.0 1.0",
            "ZINC;               0.05 1.0 1.0 2.0 2.0",
            "FLUORIDE;           1.0 1.0 1.0 1.5 1.5",
            "SELENIUM;           0.01 0.01 0.01 0.02 0.02",
            "ARSENIC;            0.05 0.05 0.05 0.1 0.1",
            "MERCURY;            0.00005 0.00005 0.0001 0.001 0.001",
            "CADMIUM;            0.001 0.005 0.005 0.005 0.01",
            "CHROMIUM_VI;        0.01 0.05 0.05 0.05 0.1",
            "LEAD;               0.01 0.01 0.05 0.05 0.1",
            "CYANIDE;            0.005 0.05 0.2 0.2 0.2",
            "VOLATILE_PHENOL;    0.002 0.002 0.005 0.01 0.1",
            "PETROLEUM;          0.05 0.05 0.05 0.5 1.0",
            "ANIONIC_SURFACTANT; 0.2 0.2 0.2 0.3 0.3",
            "SULFIDE;            0.05 0.1 0.2 0.5 1.0",
            "FECAL_COLIFORM;     200 2000 10000 20000 40000"})
    void upperLimitsOfTable1(Parameter p, String limits) {
        String[] l = limits.trim().split("\\s+");
        WaterClass[] classes = WaterClass.values();
        for (int k = 0; k < l.length; k++) {
            double limit = Double.parseDouble(l[k]);
            // the best class whose limit is met: equal limits (COD 15, 15) put the value in the better class
            int best = k;
            while (best > 0 && Double.parseDouble(l[best - 1]) >= limit) {
                best--;
            }
            assertThat(SurfaceWaterQuality.classOf(p, limit, RIVER, null)).as("%s at %s", p, limit).isEqualTo(classes[best]);
        }
        double overV = Double.parseDouble(l[4]) * 1.01;
        assertThat(SurfaceWaterQuality.classOf(p, overV, RIVER, null)).isEqualTo(WaterClass.WORSE_THAN_V);
    }

    @ParameterizedTest(name = "DO {0} mg/L -> {1}")
    @CsvSource({"7.5, I", "7.4, II", "6, II", "5.9, III", "5, III", "3, IV", "2, V", "1.99, WORSE_THAN_V"})
    void dissolvedOxygenIsALowerLimit(double value, WaterClass expected) {
        assertThat(SurfaceWaterQuality.classOf(DISSOLVED_OXYGEN, value, RIVER, null)).isEqualTo(expected);
    }

    @Test
    void classOneOxygenIsAlsoMetBy90PercentSaturation() {
        // warm water holds less oxygen: 7.2 mg/L at 28 °C is 92 % saturated
        assertThat(SurfaceWaterQuality.classOf(DISSOLVED_OXYGEN, 7.2, RIVER, 92.0)).isEqualTo(WaterClass.I);
        assertThat(SurfaceWaterQuality.classOf(DISSOLVED_OXYGEN, 7.2, RIVER, 85.0)).isEqualTo(WaterClass.II);
    }

    @Test
    void phSixToNineForEveryClass() {
        assertThat(SurfaceWaterQuality.classOf(PH, 6, RIVER, null)).isEqualTo(WaterClass.I);
        assertThat(SurfaceWaterQuality.classOf(PH, 9, RIVER, null)).isEqualTo(WaterClass.I);
        assertThat(SurfaceWaterQuality.classOf(PH, 9.1, RIVER, null)).isEqualTo(WaterClass.WORSE_THAN_V);
        assertThat(SurfaceWaterQuality.classOf(PH, 5.9, RIVER, null)).isEqualTo(WaterClass.WORSE_THAN_V);
    }

    @Test
    void lakesHaveTheirOwnPhosphorusColumnAndTheOnlyNitrogenLimit() {
        assertThat(SurfaceWaterQuality.classOf(TOTAL_PHOSPHORUS, 0.05, RIVER, null)).isEqualTo(WaterClass.II);
        assertThat(SurfaceWaterQuality.classOf(TOTAL_PHOSPHORUS, 0.05, LAKE_OR_RESERVOIR, null)).isEqualTo(WaterClass.III);
        assertThat(SurfaceWaterQuality.classOf(TOTAL_PHOSPHORUS, 0.2, LAKE_OR_RESERVOIR, null)).isEqualTo(WaterClass.V);

        Map<Parameter, Double> lake = Map.of(TOTAL_NITROGEN, 1.2, AMMONIA_NITROGEN, 0.3);
        Assessment a = SurfaceWaterQuality.assess(lake, LAKE_OR_RESERVOIR, null);
        assertThat(a.waterClass()).isEqualTo(WaterClass.IV);
        assertThat(a.limiting()).containsExactly(TOTAL_NITROGEN);

        Assessment river = SurfaceWaterQuality.assess(lake, RIVER, null);
        assertThat(river.waterClass()).isEqualTo(WaterClass.II);
        assertThat(river.notConsidered()).containsKey(TOTAL_NITROGEN);
        assertThat(river.considered()).extracting(ParameterClass::parameter).containsExactly(AMMONIA_NITROGEN);
    }

    @Test
    void theWorstParameterClassesTheWaterAndIsNamed() {
        // a river station on the Han: DO 6.2 (II), NH3-N 1.2 (IV), pH 7.8 (I), CODMn 5.1 (III)
        Map<Parameter, Double> measured = Map.of(DISSOLVED_OXYGEN, 6.2, AMMONIA_NITROGEN, 1.2, PH, 7.8, PERMANGANATE_INDEX, 5.1);
        Assessment a = SurfaceWaterQuality.assess(measured, RIVER, null);

        assertThat(a.waterClass()).isEqualTo(WaterClass.IV);
        assertThat(a.limiting()).containsExactly(AMMONIA_NITROGEN);
        assertThat(a.considered()).extracting(ParameterClass::parameter, ParameterClass::waterClass).containsExactly(
                tuple(PH, WaterClass.I),
                tuple(DISSOLVED_OXYGEN, WaterClass.II),
                tuple(PERMANGANATE_INDEX, WaterClass.III),
                tuple(AMMONIA_NITROGEN, WaterClass.IV));
        assertThat(a.notConsidered()).isEmpty();

        Assessment tie = SurfaceWaterQuality.assess(Map.of(DISSOLVED_OXYGEN, 1.0, PH, 9.5), RIVER, null);
        assertThat(tie.waterClass()).isEqualTo(WaterClass.WORSE_THAN_V);
        assertThat(tie.waterClass().label()).isEqualTo("劣V");
        assertThat(tie.limiting()).containsExactlyInAnyOrder(DISSOLVED_OXYGEN, PH);

        assertThat(SurfaceWaterQuality.assess(Map.of(PH, 7.0), RIVER, null).limiting()).isEmpty();
    }

    @Test
    void badOrMissingInputIsRefusedWithTheReason() {
        assertThatThrownBy(() -> SurfaceWaterQuality.assess(Map.of(), RIVER, null)).hasMessageContaining("no GB 3838-2002");
        assertThatThrownBy(() -> SurfaceWaterQuality.assess(Map.of(TOTAL_NITROGEN, 1.0), RIVER, null))
                .hasMessageContaining("lakes and reservoirs only");
        assertThatThrownBy(() -> SurfaceWaterQuality.assess(Map.of(AMMONIA_NITROGEN, -0.1), RIVER, null))
                .hasMessage("ammonia_nitrogen -0.1 mg/L is not a plausible value");
        assertThat(Parameter.ofMetric("ammonia_nitrogen")).contains(AMMONIA_NITROGEN);
        assertThat(Parameter.ofMetric("turbidity")).isEmpty();
    }
}
