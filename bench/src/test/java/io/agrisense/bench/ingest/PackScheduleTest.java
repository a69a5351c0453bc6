package io.agrisense.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.protocol.MetricCatalogue;
import io.agrisense.protocol.senml.ResolvedRecord;
import io.agrisense.protocol.senml.Senml;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PackScheduleTest {

    private static final long ORIGIN = 1_700_000_000_000L;
    private final PackSchedule schedule = new PackSchedule("bench-abc123", 3, 20, ORIGIN);

    @Test
    void aPackDecodesToItsStationsReadingsWithTheProductsCodec() throws Exception {
        List<ResolvedRecord> records = Senml.decodeAndResolve(schedule.pack(2, 7), ORIGIN / 1000.0);
        List<PackSchedule.Row> rows = schedule.rows(2, 7);

        assertThat(records).hasSize(20);
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).name()).isEqualTo("urn:dev:agri:bench-abc123-00002:" + rows.get(i).metric());
            assertThat(Math.round(records.get(i).time() * 1000)).isEqualTo(rows.get(i).epochMillis());
            assertThat(records.get(i).value()).isEqualTo(rows.get(i).value());
        }
    }

    @Test
    void everyReadingHasItsOwnKeyAcrossPacks() {
        Set<String> keys = new HashSet<>();
        for (long seq = 0; seq < 50; seq++) {
            for (PackSchedule.Row r : schedule.rows(0, seq)) {
                keys.add(r.station() + "/" + r.metric() + "/" + r.epochMillis());
            }
        }
        assertThat(keys).hasSize(50 * 20);
    }

    @Test
    void metricsOfOneRoundShareATimeAndRoundsAreOneMillisecondApart() {
        List<PackSchedule.Row> rows = schedule.rows(1, 0);
        int m = PackSchedule.METRICS.size();
        assertThat(rows.subList(0, m)).allSatisfy(r -> assertThat(r.epochMillis()).isEqualTo(ORIGIN));
        assertThat(rows.get(m).epochMillis()).isEqualTo(ORIGIN + 1);
        assertThat(rows.get(m).metric()).isEqualTo(rows.get(0).metric());
    }

    @Test
    void aStoredReadingLeadsBackToItsPack() {
        PackSchedule.Row first = schedule.rows(1, 9).get(0);
        PackSchedule.Row third = schedule.rows(1, 9).get(2);

        long g = schedule.readingNumber(first.metric(), first.epochMillis());
        assertThat(schedule.packOf(g)).isEqualTo(9);
        assertThat(schedule.firstOfPack(g)).isTrue();
        long g3 = schedule.readingNumber(third.metric(), third.epochMillis());
        assertThat(schedule.packOf(g3)).isEqualTo(9);
        assertThat(schedule.firstOfPack(g3)).isFalse();
        assertThat(schedule.readingNumber(MetricCatalogue.DEW_POINT, first.epochMillis())).isEqualTo(-1);
        assertThat(schedule.readingNumber(first.metric(), ORIGIN - 1)).isEqualTo(-1);
    }

    @Test
    void onlyThisRunsStationIdsHaveAnIndex() {
        assertThat(schedule.stationIndex("bench-abc123-00002")).isEqualTo(2);
        assertThat(schedule.stationIndex("bench-abc123-00003")).isEqualTo(-1);
        assertThat(schedule.stationIndex("bench-abc124-00001")).isEqualTo(-1);
        assertThat(schedule.stationIndex("bench-abc123-0001x")).isEqualTo(-1);
        assertThat(schedule.stationIndex("pond-1")).isEqualTo(-1);
        assertThat(schedule.stationIndex(null)).isEqualTo(-1);
    }

    @Test
    void valuesStayInsideTheirBenignBandWhichIsInsideTheCataloguesRange() {
        for (int metric = 0; metric < PackSchedule.METRICS.size(); metric++) {
            PackSchedule.BenchMetric m = PackSchedule.METRICS.get(metric);
            assertThat(MetricCatalogue.require(m.name()).implausibility(m.low())).isNull();
            assertThat(MetricCatalogue.require(m.name()).implausibility(m.high())).isNull();
            for (long round = 0; round < 5000; round += 7) {
                assertThat(PackSchedule.value(round % 3 == 0 ? 0 : 5, metric, round)).isBetween(m.low(), m.high());
            }
        }
    }
}
