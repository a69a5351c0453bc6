package io.agrisense.edge.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.edge.sampling.Reading;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.ResolvedRecord;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SenmlPackerTest {

    private final List<Reading> readings = List.of(
            Reading.measurement("dissolved_oxygen", "mg/L", 1_700_000_000_250L, 2.75),
            Reading.measurement("water_temperature", "Cel", 1_700_000_000_251L, 24.5),
            Reading.event(1_700_000_030_000L, "{\"rule\":\"low_do\",\"state\":\"on\"}"));

    @Test
    void packsReadingsUnderTheStationBaseNameWithMillisecondTimes() throws Exception {
        for (SenmlFormat format : SenmlFormat.values()) {
            byte[] pack = new SenmlPacker(StationId.of("pond-1"), format).pack(readings);
            List<ResolvedRecord> resolved = Senml.decodeAndResolve(pack, 0);
            assertThat(resolved).hasSize(3);
            assertThat(resolved.get(0).name()).isEqualTo("urn:dev:agri:pond-1:dissolved_oxygen");
            assertThat(resolved.get(0).unit()).isEqualTo("mg/L");
            assertThat(resolved.get(0).value()).isEqualTo(2.75);
            assertThat(Math.round(resolved.get(0).time() * 1000)).isEqualTo(1_700_000_000_250L);
            assertThat(Math.round(resolved.get(1).time() * 1000)).isEqualTo(1_700_000_000_251L);
            assertThat(resolved.get(2).name()).isEqualTo("urn:dev:agri:pond-1:event");
            assertThat(resolved.get(2).stringValue()).isEqualTo("{\"rule\":\"low_do\",\"state\":\"on\"}");
            assertThat(Math.round(resolved.get(2).time() * 1000)).isEqualTo(1_700_000_030_000L);
        }
    }

    @Test
    void jsonPacksAreReadableText() {
        byte[] pack = new SenmlPacker(StationId.of("pond-1"), SenmlFormat.JSON).pack(readings.subList(0, 1));
        assertThat(new String(pack, StandardCharsets.UTF_8)).startsWith("[{").contains("\"bn\":\"urn:dev:agri:pond-1:\"");
    }
}
