package io.agrisense.platform.model.pest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.platform.model.warning.SignalLevel;
import io.agrisense.platform.model.warning.Warning;
import io.agrisense.protocol.StationId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PestPhenologyTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final StationId PADDY = StationId.of("paddy-01");

    private static List<DayTemperatures> constant(LocalDate from, int days, double tMax, double tMin) {
        List<DayTemperatures> out = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            out.add(new DayTemperatures(from.plusDays(i), tMax, tMin));
        }
        return out;
    }

    @Test
    void psyllidEggsTakeThePublishedTwoPointSixDaysAt32C() {
        // Nava et al. (2007): egg stage 2.6 days at 32 C; 52.6 degree-days above 12.0 C -> 52.6 / 20 = 2.63 days
        LocalDate biofix = LocalDate.of(2024, 5, 1);
        PestPhenology.Status start = PestPhenology.run(PestModel.DIAPHORINA_CITRI, biofix, List.of());
        assertThat(PestPhenology.daysUntil(start, 1, constant(biofix, 1, 32, 32)).orElseThrow()).isCloseTo(2.63, within(0.01));

        // at 25 C the two stages (4.05 + 14.14 days) agree within 1 % with the paper's whole-cycle constant,
        // 210.9 degree-days above 13.5 C: 18.34 days
        double cycle = PestPhenology.daysUntil(start, 2, constant(biofix, 1, 25, 25)).orElseThrow();
        assertThat(cycle).isCloseTo(52.6 / 13 + 156.9 / 11.1, within(1e-9));
        assertThat(cycle / (210.9 / 11.5)).isCloseTo(1.0, within(0.01));

        PestPhenology.Status after3 = PestPhenology.run(PestModel.DIAPHORINA_CITRI, biofix, constant(biofix, 3, 32, 32));
        assertThat(after3.current().orElseThrow().name()).isEqualTo("nymphs");
        assertThat(after3.degreeDaysInStage()).isCloseTo((3 - 52.6 / 20) * 18.1, within(1e-9));
        assertThat(after3.stageStarts()).containsExactly(biofix, biofix.plusDays(3));
    }

    @Test
    void leafRollerStagesAddUpAt25C() {
        // eggs 57.1 / 12.5 + larvae 203.7 / 12.8 + pupae 81.2 / 10.8 = 4.57 + 15.91 + 7.52 = 28.0 days
        LocalDate biofix = LocalDate.of(2024, 7, 1);
        PestPhenology.Status start = PestPhenology.run(PestModel.CNAPHALOCROCIS_MEDINALIS, biofix, List.of());
        assertThat(PestPhenology.daysUntil(start, 3, constant(biofix, 1, 25, 25)).orElseThrow())
                .isCloseTo(57.1 / 12.5 + 203.7 / 12.8 + 81.2 / 10.8, within(1e-9));
        PestPhenology.Status done = PestPhenology.run(PestModel.CNAPHALOCROCIS_MEDINALIS, biofix, constant(biofix, 29, 25, 25));
        assertThat(done.finished()).isTrue();
        assertThat(done.current()).isEmpty();
    }

    @Test
    void stemBorerProjectsTheNextStageAtRecentWarmth() {
        // 15 degree-days a day at 25 C: overwintering larvae pupate after 235 / 15 = 15.67 days
        LocalDate january = LocalDate.of(2024, 1, 1);
        PestPhenology.Status status = PestPhenology.run(PestModel.CHILO_SUPPRESSALIS, january, constant(january, 20, 25, 25));
        assertThat(status.current().orElseThrow().name()).isEqualTo("overwintering-generation pupae");
        assertThat(status.degreeDaysInStage()).isCloseTo(20 * 15 - 235, within(1e-9));
        // the rest of the pupae (60), the moths (79) and eggs (103): 242 / 15 = 16.13 days -> 17 days after 20 Jan
        assertThat(PestPhenology.projectStart(status, 4, constant(january, 7, 25, 25), LocalDate.of(2024, 1, 20)))
                .contains(LocalDate.of(2024, 2, 6));
    }

    @Test
    void coldDaysMakeNoProgressAndBadSeriesAreRejected() {
        LocalDate biofix = LocalDate.of(2024, 1, 1);
        PestPhenology.Status status = PestPhenology.run(PestModel.CHILO_SUPPRESSALIS, biofix, constant(biofix, 10, 8, 2));
        assertThat(status.stage()).isZero();
        assertThat(status.progress()).isZero();
        assertThat(PestPhenology.projectStart(status, 1, constant(biofix, 3, 8, 2), biofix.plusDays(9))).isEmpty();
        assertThatThrownBy(() -> PestPhenology.run(PestModel.CHILO_SUPPRESSALIS, biofix.plusDays(1), constant(biofix, 3, 20, 10)))
                .hasMessageContaining("biofix");
        List<DayTemperatures> gap = new ArrayList<>(constant(biofix, 4, 20, 10));
        gap.remove(1);
        assertThatThrownBy(() -> PestPhenology.run(PestModel.CHILO_SUPPRESSALIS, biofix, gap)).hasMessageContaining("consecutive");
        assertThatThrownBy(() -> new DayTemperatures(biofix, 10, 20)).hasMessageContaining("minimum <= maximum");
        assertThatThrownBy(() -> PestModel.CHILO_SUPPRESSALIS.indexOf("adults")).hasMessageContaining("no stage");
    }

    @Test
    void warnsOfTheLarvalHatchAheadAndThenAsUnderWay() {
        PestStageWarningModel model = new PestStageWarningModel();
        LocalDate biofix = LocalDate.of(2024, 5, 1);
        // 28/18 C days: 13 degree-days above 10 C; by the end of 10 June (41 days, 533 DD) the 1st-generation
        // eggs have 533 - 439 = 94 of their 103 degree-days: hatch in 0.69 days, on 11 June
        PestStageWarningModel.Watch watch = new PestStageWarningModel.Watch(PADDY, CHINA, PestModel.CHILO_SUPPRESSALIS,
                biofix, constant(biofix, 41, 28, 18), "1st-generation larvae", 7);
        Warning ahead = model.assess(watch, Instant.parse("2024-06-10T12:00:00Z")).orElseThrow();

        assertThat(ahead.level()).isEqualTo(SignalLevel.BLUE);
        assertThat(ahead.subject()).isEqualTo("Chilo suppressalis");
        assertThat(ahead.expectedAt()).isEqualTo(Instant.parse("2024-06-11T04:00:00Z")); // noon local on 11 June
        assertThat(ahead.quantity("degree_days_in_stage").orElseThrow()).isCloseTo(94, within(1e-6));
        assertThat(ahead.quantity("days_to_stage").orElseThrow()).isCloseTo(9 / 13.0, within(1e-6));
        assertThat(ahead.message()).isEqualTo("rice stem borer (Chilo suppressalis): 1st-generation larvae expected about"
                + " 11 Jun at the last 7 days' temperatures; now 1st-generation eggs, 94 of 103 degree-days; plan the treatment");
        assertThat(ahead.confidence().value()).isCloseTo(0.939, within(0.002)); // Phi((7 - 0.69) / (0.1 x 40.69))

        PestStageWarningModel.Watch later = new PestStageWarningModel.Watch(PADDY, CHINA, PestModel.CHILO_SUPPRESSALIS,
                biofix, constant(biofix, 43, 28, 18), "1st-generation larvae", 7);
        Warning underWay = model.assess(later, Instant.parse("2024-06-12T12:00:00Z")).orElseThrow();
        assertThat(underWay.level()).isEqualTo(SignalLevel.YELLOW);
        assertThat(underWay.message()).startsWith("rice stem borer (Chilo suppressalis): 1st-generation larvae since 12 Jun");

        // too far ahead: at the end of May the hatch is more than 7 days away
        PestStageWarningModel.Watch early = new PestStageWarningModel.Watch(PADDY, CHINA, PestModel.CHILO_SUPPRESSALIS,
                biofix, constant(biofix, 31, 28, 18), "1st-generation larvae", 7);
        assertThat(model.assess(early, Instant.parse("2024-05-31T12:00:00Z"))).isEmpty();
    }
}
