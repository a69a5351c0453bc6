package io.agrisense.bench.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.protocol.senml.ResolvedRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadingLedgerTest {

    private static final String BN = "urn:dev:agri:st-1:";

    private static ResolvedRecord reading(String metric, long millis, double value) {
        return new ResolvedRecord(BN + metric, "Cel", millis / 1000.0, value, null, null, null, null, null, 0);
    }

    @Test
    void countsExactCopiesApartFromDistinctReadings() {
        ReadingLedger ledger = new ReadingLedger(Set.of("air_temperature"));
        ledger.accept(List.of(reading("air_temperature", 1_000, 20.0), reading("air_temperature", 2_000, 20.5)), 2_100);
        ledger.accept(List.of(reading("air_temperature", 2_000, 20.5)), 2_200);

        assertThat(ledger.sensorReadings()).isEqualTo(2);
        assertThat(ledger.exactCopies()).isEqualTo(1);
        assertThat(ledger.messages()).isEqualTo(2);
        assertThat(ledger.verify(Map.of("air_temperature", 2L))).isEmpty();
    }

    @Test
    void aCopyWithAnotherValueIsAConflictAndAnOlderNewKeyIsOutOfOrder() {
        ReadingLedger ledger = new ReadingLedger(Set.of("air_temperature"));
        ledger.accept(List.of(reading("air_temperature", 2_000, 20.0)), 2_100);
        ledger.accept(List.of(reading("air_temperature", 2_000, 21.0), reading("air_temperature", 1_000, 19.0)), 2_200);

        assertThat(ledger.conflicts()).isEqualTo(1);
        assertThat(ledger.outOfOrder()).isEqualTo(1);
        assertThat(ledger.verify(Map.of("air_temperature", 2L)))
                .containsExactly("1 reading key(s) arrived with two different values",
                        "1 reading(s) arrived after a newer reading of the same metric");
    }

    @Test
    void reportsMissingAndUnexpectedReadingsPerMetric() {
        ReadingLedger ledger = new ReadingLedger(Set.of("air_temperature", "illuminance"));
        ledger.accept(List.of(reading("air_temperature", 1_000, 20.0), reading("illuminance", 1_000, 900)), 1_050);

        assertThat(ledger.verify(Map.of("air_temperature", 3L, "illuminance", 0L)))
                .containsExactlyInAnyOrder("air_temperature: 3 produced, 1 distinct received (2 missing)",
                        "illuminance: 0 produced, 1 distinct received (1 unexpected)");
    }

    @Test
    void keepsHealthReadingsOutOfTheSensorCountButRemembersTheirPeak() {
        ReadingLedger ledger = new ReadingLedger(Set.of("air_temperature"));
        ledger.accept(List.of(reading("agent_queue_records", 1_000, 7), reading("agent_queue_records", 6_000, 300),
                reading("agent_queue_records", 11_000, 2), reading("air_temperature", 1_000, 20)), 12_000);

        assertThat(ledger.sensorReadings()).isEqualTo(1);
        assertThat(ledger.otherReadings()).isEqualTo(3);
        assertThat(ledger.maxValue("agent_queue_records")).isEqualTo(300);
    }

    @Test
    void answersWhenTheBacklogArrivedAndWhatWasStampedInAWindow() {
        ReadingLedger ledger = new ReadingLedger(Set.of("air_temperature"));
        ledger.accept(List.of(reading("air_temperature", 1_000, 20)), 1_010);
        ledger.accept(List.of(reading("air_temperature", 2_000, 20), reading("air_temperature", 3_000, 20)), 9_000);
        ledger.accept(List.of(reading("air_temperature", 8_000, 20)), 9_500);

        assertThat(ledger.sensorReadingsStampedBetween(2_000, 8_000)).isEqualTo(2);
        assertThat(ledger.lastArrivalOfReadingsStampedBefore(5_000)).isEqualTo(9_000);
        assertThat(ledger.firstSensorArrivalFrom(5_000)).isEqualTo(9_000);
        assertThat(ledger.sensorArrivalsBetween(9_000, 10_000)).isEqualTo(3);
    }

    @Test
    void recordsLatencyOnlyForReadingsStampedInTheWindow() {
        ReadingLedger ledger = new ReadingLedger(Set.of("air_temperature"));
        ledger.measureLatencyBetween(1_000, 2_000);
        ledger.accept(List.of(reading("air_temperature", 500, 20), reading("air_temperature", 1_500, 20)), 1_540);

        assertThat(ledger.latency().count()).isEqualTo(1);
        assertThat(ledger.latency().summary().max()).isEqualTo(40_000_000L);
    }
}
