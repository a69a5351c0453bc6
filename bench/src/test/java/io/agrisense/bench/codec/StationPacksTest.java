package io.agrisense.bench.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.protocol.MetricCatalogue;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.ResolvedRecord;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class StationPacksTest {

    @Test
    void theBenchmarkPackIsAValidStationPackOfDistinctPlausibleReadingsInBothFormats() throws Exception {
        var pack = StationPacks.pack(StationId.of("bench-codec"), 50, 1_780_000_000L);
        for (SenmlFormat format : SenmlFormat.values()) {
            List<ResolvedRecord> records = Senml.decodeAndResolve(Senml.encode(pack, format), 1_780_000_100);
            assertThat(records).hasSize(50);
            assertThat(records.stream().map(r -> r.name() + "@" + r.time()).distinct()).hasSize(50);
            assertThat(records).allSatisfy(r -> {
                String metric = r.name().substring("urn:dev:agri:bench-codec:".length());
                assertThat(MetricCatalogue.require(metric).isPlausible(r.value())).as(metric + "=" + r.value()).isTrue();
            });
        }
    }
}
