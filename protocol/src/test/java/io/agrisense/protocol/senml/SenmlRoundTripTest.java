package io.agrisense.protocol.senml;

import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.protocol.StationId;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SenmlRoundTripTest {

    @ParameterizedTest
    @EnumSource(SenmlFormat.class)
    void everyFieldSurvivesEncodeAndDecode(SenmlFormat format) throws Exception {
        List<SenmlRecord> pack = List.of(
                new SenmlRecord("urn:dev:agri:st-1:", 1_700_000_000.25, "Cel", 0.5, 10.0, 10,
                        "air_temperature", "Cel", 21.75, null, null, null, null, -1.5, 60.0),
                new SenmlRecord(null, null, null, null, null, null, "note", null, null, "gate \"open\" ✓", null,
                        null, null, 2.0, null),
                new SenmlRecord(null, null, null, null, null, null, "pump", null, null, null, true, null, 3.5,
                        null, null),
                new SenmlRecord(null, null, null, null, null, null, "blob", null, null, null, null,
                        new byte[] {0, 1, (byte) 0xff}, null, null, null));
        List<SenmlRecord> decoded = Senml.decode(Senml.encode(pack, format));
        assertThat(decoded).hasSize(4);
        assertThat(decoded.get(0)).isEqualTo(pack.get(0));
        assertThat(decoded.get(1)).isEqualTo(pack.get(1));
        assertThat(decoded.get(2)).isEqualTo(pack.get(2));
        assertThat(decoded.get(3).dataValue()).containsExactly(0, 1, 0xff);
    }

    @ParameterizedTest
    @EnumSource(SenmlFormat.class)
    void randomDoublesComeBackBitForBit(SenmlFormat format) throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            double v = switch (i % 4) {
                case 0 -> random.nextGaussian() * 1e6;
                case 1 -> Math.round(random.nextDouble() * 1000) / 8.0;
                case 2 -> (float) random.nextDouble();
                default -> -random.nextInt(100_000);
            };
            List<SenmlRecord> pack = List.of(SenmlRecord.measurement("x", null, v, null));
            assertThat(Senml.decode(Senml.encode(pack, format)).get(0).value()).isEqualTo(v);
        }
    }

    @Test
    void cborPicksTheShortestExactNumberForm() {
        assertThat(cborOfValue(1.5)).endsWith("02f93e00");                   // half precision
        assertThat(cborOfValue(100000.5)).endsWith("02fa47c35040");          // single precision
        assertThat(cborOfValue(1.1)).endsWith("02fb3ff199999999999a");      // double precision
        assertThat(cborOfValue(-5)).endsWith("0224");                        // negative integer
        assertThat(cborOfValue(1_700_000_000)).endsWith("021a6553f100");     // 32-bit integer
    }

    private static String cborOfValue(double value) {
        return HexFormat.of().formatHex(Senml.encode(List.of(SenmlRecord.measurement("a", null, value, null)),
                SenmlFormat.CBOR));
    }

    @ParameterizedTest
    @EnumSource(SenmlFormat.class)
    void packBuilderKeepsMillisecondTimesAndValues(SenmlFormat format) throws Exception {
        StationId station = StationId.of("pond-3");
        double t0 = 1_764_190_000.123;
        List<SenmlRecord> pack = SenmlPackBuilder.forStation(station)
                .add("water_temperature", "Cel", t0, 18.25)
                .add("dissolved_oxygen", "mg/L", t0 + 0.5, 2.75)
                .add("water_temperature", "Cel", t0 + 60.007, 18.5)
                .addString("event", t0 + 61, "{\"rule\":\"low_do\"}")
                .build();
        assertThat(pack.get(0).baseName()).isEqualTo("urn:dev:agri:pond-3:");
        assertThat(pack.get(0).baseTime()).isEqualTo(1_764_190_000d);
        assertThat(pack.subList(1, pack.size())).allSatisfy(r -> assertThat(r.baseName()).isNull());

        List<ResolvedRecord> resolved = Senml.decodeAndResolve(Senml.encode(pack, format), 0);
        assertThat(resolved).extracting(ResolvedRecord::name).containsExactly("urn:dev:agri:pond-3:water_temperature",
                "urn:dev:agri:pond-3:dissolved_oxygen", "urn:dev:agri:pond-3:water_temperature",
                "urn:dev:agri:pond-3:event");
        assertThat(resolved).extracting(r -> Math.round(r.time() * 1000)).containsExactly(
                1_764_190_000_123L, 1_764_190_000_623L, 1_764_190_060_130L, 1_764_190_061_123L);
        assertThat(resolved).extracting(ResolvedRecord::value).containsExactly(18.25, 2.75, 18.5, null);
        assertThat(resolved.get(3).stringValue()).isEqualTo("{\"rule\":\"low_do\"}");
        assertThat(resolved.get(1).unit()).isEqualTo("mg/L");
    }

    @Test
    void detectsJsonAfterLeadingWhiteSpace() throws Exception {
        assertThat(Senml.detect(" \n\t[{}]".getBytes())).isEqualTo(SenmlFormat.JSON);
        assertThat(Senml.detect(new byte[] {(byte) 0x9f, (byte) 0xff})).isEqualTo(SenmlFormat.CBOR);
    }
}
