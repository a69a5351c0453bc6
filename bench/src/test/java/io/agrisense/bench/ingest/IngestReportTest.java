package io.agrisense.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestReportTest {

    private final LoadSettings load = new LoadSettings(200, 40, 4, Duration.ofSeconds(10), Duration.ofSeconds(30), 0, 1000, 1000, 250);
    private final IngestReport.Setup setup = new IngestReport.Setup("broker", "database", 2046, "as fast as the windows allow");

    private static PhaseResult ok(String name, double messages, double readings) {
        return new PhaseResult(name, messages, readings, null, 400, 400, List.of(), List.of());
    }

    @Test
    void thePlatformIsShownAsAShareOfTheLowerRawLimit() {
        String text = IngestReport.build("cmd", load, setup, ok("Raw broker", 5000, 200_000), ok("Raw PostgreSQL", Double.NaN, 80_000),
                ok("Platform", 500, 20_000)).text();

        assertThat(text).contains("| Raw broker: publishers to one subscriber | 5,000 | 200,000 | 250 % | 400 of 400 readings |");
        assertThat(text).contains("| Raw PostgreSQL: unnest INSERT, one connection | - | 80,000 | 100 % |");
        assertThat(text).contains("| Platform: MQTT to committed readings | 500 | 20,000 | 25 % |");
        assertThat(text).contains("Result: every phase verified");
    }

    @Test
    void aPhaseThatFailedItsCountShowsNoFigureAndItsProblems() {
        PhaseResult lost = new PhaseResult("Platform", 500, 20_000, null, 400, 399, List.of("1 reading lost"), List.of());
        String text = IngestReport.build("cmd", load, setup, ok("Raw broker", 5000, 200_000), ok("Raw PostgreSQL", Double.NaN, 80_000),
                lost).text();

        assertThat(text).contains("| Platform: MQTT to committed readings | FAILED | FAILED | | 1 problem(s), see below |");
        assertThat(text).contains("Result: FAILED.").contains("- Platform FAILED: 1 reading lost");
        assertThat(text).doesNotContain("20,000");
    }

    @Test
    void aRawLimitThatFailedItsCountIsLeftOutOfTheShare() {
        PhaseResult failed = new PhaseResult("Raw broker", 1, 1, null, 2, 1, List.of("lost"), List.of());
        PhaseResult failedToo = new PhaseResult("Raw PostgreSQL", Double.NaN, 1, null, 2, 1, List.of("lost"), List.of());

        String oneHeld = IngestReport.build("cmd", load, setup, failed, ok("Raw PostgreSQL", Double.NaN, 80_000),
                ok("Platform", 500, 20_000)).text();
        String noneHeld = IngestReport.build("cmd", load, setup, failed, failedToo, ok("Platform", 500, 20_000)).text();

        assertThat(oneHeld).contains("| Platform: MQTT to committed readings | 500 | 20,000 | 25 % |")
                .contains("Only one raw limit was verified");
        assertThat(noneHeld).contains("| Platform: MQTT to committed readings | 500 | 20,000 | n/a |");
    }

    @Test
    void aBrokerThatShedsPacksInTheRawPhaseIsAWarningNotAVerifiedCount() {
        PhaseResult shed = new PhaseResult("Raw broker", 10_000, 400_000, null, 4000, 3960, List.of(),
                List.of("WARNING: the broker dropped 1 of 100 packs"));

        String text = IngestReport.build("cmd", load, setup, shed, ok("Raw PostgreSQL", Double.NaN, 150_000),
                ok("Platform", 1000, 40_000)).text();

        assertThat(text).contains("| Raw broker: publishers to one subscriber | 10,000 | 400,000 | 267 % | 3,960 of 4,000 readings |")
                .contains("- Raw broker: WARNING: the broker dropped 1 of 100 packs")
                .contains("Result: verified: the platform stored every published reading exactly once")
                .doesNotContain("every phase verified");
    }

    @Test
    void rawInsertBatchesHoldWholePacksWithinThePlatformsBatchLimits() {
        assertThat(RawDatabasePhase.packsPerBatch(40, 1000, 20_000)).isEqualTo(500);
        assertThat(RawDatabasePhase.packsPerBatch(10, 1000, 20_000)).isEqualTo(1000);
        assertThat(RawDatabasePhase.packsPerBatch(50_000, 1000, 20_000)).isEqualTo(1);
    }
}
