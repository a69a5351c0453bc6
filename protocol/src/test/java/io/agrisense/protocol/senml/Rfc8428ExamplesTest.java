package io.agrisense.protocol.senml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of RFC 8428 §5.1 and §6, decoded and resolved, with every resolved value checked. */
class Rfc8428ExamplesTest {

    private static final double NOW = 1_700_000_000.5;
    private static final double TIME_TOLERANCE = 1e-6;

    private static List<ResolvedRecord> resolveJson(String json) throws SenmlException {
        return Senml.decodeAndResolve(json.getBytes(StandardCharsets.UTF_8), NOW);
    }

    private static void assertRecord(ResolvedRecord r, String name, String unit, double time, double value) {
        assertThat(r.name()).isEqualTo(name);
        assertThat(r.unit()).isEqualTo(unit);
        assertThat(r.time()).isCloseTo(time, within(TIME_TOLERANCE));
        assertThat(r.value()).isEqualTo(value);
    }

    @Test
    void singleDataPointTakenNow() throws Exception { // §5.1.1
        List<ResolvedRecord> records = resolveJson("""
                [
                  {"n":"urn:dev:ow:10e2073a01080063","u":"Cel","v":23.1}
                ]""");
        assertThat(records).hasSize(1);
        assertRecord(records.get(0), "urn:dev:ow:10e2073a01080063", "Cel", NOW, 23.1);
        assertThat(records.get(0).version()).isEqualTo(10);
    }

    @Test
    void multipleDataPointsNow() throws Exception { // §5.1.2, first example
        List<ResolvedRecord> records = resolveJson("""
                [
                  {"bn":"urn:dev:ow:10e2073a01080063:","n":"voltage","u":"V","v":120.1},
                  {"n":"current","u":"A","v":1.2}
                ]""");
        assertThat(records).hasSize(2);
        assertRecord(records.get(0), "urn:dev:ow:10e2073a01080063:voltage", "V", NOW, 120.1);
        assertRecord(records.get(1), "urn:dev:ow:10e2073a01080063:current", "A", NOW, 1.2);
    }

    static final String MULTIPLE_WITH_TIME = """
            [
              {"bn":"urn:dev:ow:10e2073a0108006:","bt":1.276020076001e+09,
               "bu":"A","bver":5,
               "n":"voltage","u":"V","v":120.1},
              {"n":"current","t":-5,"v":1.2},
              {"n":"current","t":-4,"v":1.3},
              {"n":"current","t":-3,"v":1.4},
              {"n":"current","t":-2,"v":1.5},
              {"n":"current","t":-1,"v":1.6},
              {"n":"current","v":1.7}
            ]""";

    @Test
    void multipleDataPointsWithBaseTimeUnitAndVersion() throws Exception { // §5.1.2, second example
        List<ResolvedRecord> records = resolveJson(MULTIPLE_WITH_TIME);
        String current = "urn:dev:ow:10e2073a0108006:current";
        assertThat(records).hasSize(7);
        // chronological order: the currents 5..1 s before the voltage come first
        assertRecord(records.get(0), current, "A", 1276020071.001, 1.2);
        assertRecord(records.get(1), current, "A", 1276020072.001, 1.3);
        assertRecord(records.get(2), current, "A", 1276020073.001, 1.4);
        assertRecord(records.get(3), current, "A", 1276020074.001, 1.5);
        assertRecord(records.get(4), current, "A", 1276020075.001, 1.6);
        assertRecord(records.get(5), "urn:dev:ow:10e2073a0108006:voltage", "V", 1276020076.001, 120.1);
        assertRecord(records.get(6), current, "A", 1276020076.001, 1.7);
        // version 5 is not the default, so every resolved record carries it (§4.6)
        assertThat(records).allSatisfy(r -> assertThat(r.version()).isEqualTo(5));
    }

    @Test
    void sensmlStreamOfRelativeTimes() throws Exception { // §5.1.2, SensML example (the part before "...")
        List<ResolvedRecord> records = resolveJson("""
                [
                  {"bn":"urn:dev:ow:10e2073a01080063","bt":1.320067464e+09,
                   "bu":"%RH","v":21.2},
                  {"t":10,"v":21.3},
                  {"t":20,"v":21.4},
                  {"t":30,"v":21.4},
                  {"t":40,"v":21.5},
                  {"t":50,"v":21.5},
                  {"t":60,"v":21.5},
                  {"t":70,"v":21.6},
                  {"t":80,"v":21.7}
                ]""");
        double[] values = {21.2, 21.3, 21.4, 21.4, 21.5, 21.5, 21.5, 21.6, 21.7};
        assertThat(records).hasSize(values.length);
        for (int i = 0; i < values.length; i++) {
            assertRecord(records.get(i), "urn:dev:ow:10e2073a01080063", "%RH", 1320067464d + 10 * i, values[i]);
        }
    }

    @Test
    void multipleMeasurementsResolveToTheRfcsResolvedForm() throws Exception { // §5.1.3 → §5.1.4
        List<ResolvedRecord> resolved = resolveJson("""
                [
                  {"bn":"urn:dev:ow:10e2073a01080063","bt":1.320067464e+09,
                   "bu":"%RH","v":20},
                  {"u":"lon","v":24.30621},
                  {"u":"lat","v":60.07965},
                  {"t":60,"v":20.3},
                  {"u":"lon","t":60,"v":24.30622},
                  {"u":"lat","t":60,"v":60.07965},
                  {"t":120,"v":20.7},
                  {"u":"lon","t":120,"v":24.30623},
                  {"u":"lat","t":120,"v":60.07966},
                  {"u":"%EL","t":150,"v":98},
                  {"t":180,"v":21.2},
                  {"u":"lon","t":180,"v":24.30628},
                  {"u":"lat","t":180,"v":60.07967}
                ]""");
        List<ResolvedRecord> expected = resolveJson("""
                [
                  {"n":"urn:dev:ow:10e2073a01080063","u":"%RH","t":1.320067464e+09,"v":20},
                  {"n":"urn:dev:ow:10e2073a01080063","u":"lon","t":1.320067464e+09,"v":24.30621},
                  {"n":"urn:dev:ow:10e2073a01080063","u":"lat","t":1.320067464e+09,"v":60.07965},
                  {"n":"urn:dev:ow:10e2073a01080063","u":"%RH","t":1.320067524e+09,"v":20.3},
                  {"n":"urn:dev:ow:10e2073a01080063","u":"lon","t":1.320067524e+09,"v":24.30622},
                  {"n":"urn:dev:ow:10e2073a01080063","u":"lat","t":1.320067524e+09,"v":60.07965},
                  {"n":"urn:dev:ow:10e2073a01080063","u":"%RH","t":1.320067584e+09,"v":20.7},
                  {"n":"urn:dev:ow:10e2073a01080063","u":"lon","t":1.320067584e+09,"v":24.30623},
                  {"n":"urn:dev:ow:10e2073a01080063","u":"lat","t":1.320067584e+09,"v":60.07966},
                  {"n":"urn:dev:ow:10e2073a01080063","u":"%EL","t":1.320067614e+09,"v":98},
                  {"n":"urn:dev:ow:10e2073a01080063","u":"%RH","t":1.320067644e+09,"v":21.2},
                  {"n":"urn:dev:ow:10e2073a01080063","u":"lon","t":1.320067644e+09,"v":24.30628},
                  {"n":"urn:dev:ow:10e2073a01080063","u":"lat","t":1.320067644e+09,"v":60.07967}
                ]""");
        assertThat(resolved).hasSize(13);
        for (int i = 0; i < expected.size(); i++) {
            ResolvedRecord e = expected.get(i);
            assertRecord(resolved.get(i), e.name(), e.unit(), e.time(), e.value());
        }
        assertRecord(resolved.get(9), "urn:dev:ow:10e2073a01080063", "%EL", 1320067614d, 98);
    }

    static final String MULTIPLE_DATA_TYPES = """
            [
              {"bn":"urn:dev:ow:10e2073a01080063:","n":"temp","u":"Cel","v":23.1},
              {"n":"label","vs":"Machine Room"},
              {"n":"open","vb":false},
              {"n":"nfv-reader","vd":"aGkgCg"}
            ]""";

    @Test
    void multipleDataTypes() throws Exception { // §5.1.5
        List<ResolvedRecord> records = resolveJson(MULTIPLE_DATA_TYPES);
        assertThat(records).extracting(ResolvedRecord::name).containsExactly(
                "urn:dev:ow:10e2073a01080063:temp", "urn:dev:ow:10e2073a01080063:label",
                "urn:dev:ow:10e2073a01080063:open", "urn:dev:ow:10e2073a01080063:nfv-reader");
        assertRecord(records.get(0), "urn:dev:ow:10e2073a01080063:temp", "Cel", NOW, 23.1);
        assertThat(records.get(1).stringValue()).isEqualTo("Machine Room");
        assertThat(records.get(1).value()).isNull();
        assertThat(records.get(2).booleanValue()).isFalse();
        assertThat(records.get(3).dataValue()).isEqualTo("hi \n".getBytes(StandardCharsets.US_ASCII));
    }

    static final String COLLECTION_OF_RESOURCES = """
            [
              {"bn":"2001:db8::2/","bt":1.320078429e+09,
               "n":"temperature","u":"Cel","v":25.2},
              {"n":"humidity","u":"%RH","v":30},
              {"bn":"2001:db8::1/","n":"temperature","u":"Cel","v":12.3},
              {"n":"humidity","u":"%RH","v":67}
            ]""";

    @Test
    void collectionOfResourcesKeepsBaseTimeWhenBaseNameChanges() throws Exception { // §5.1.6
        List<ResolvedRecord> records = resolveJson(COLLECTION_OF_RESOURCES);
        assertThat(records).hasSize(4);
        assertRecord(records.get(0), "2001:db8::2/temperature", "Cel", 1320078429d, 25.2);
        assertRecord(records.get(1), "2001:db8::2/humidity", "%RH", 1320078429d, 30);
        assertRecord(records.get(2), "2001:db8::1/temperature", "Cel", 1320078429d, 12.3);
        assertRecord(records.get(3), "2001:db8::1/humidity", "%RH", 1320078429d, 67);
    }

    @Test
    void settingAnActuator() throws Exception { // §5.1.7, all three examples
        List<ResolvedRecord> thermostat = resolveJson("""
                [
                  {"bn":"urn:dev:ow:10e2073a01080063:"},
                  {"n":"temp","u":"Cel","v":23.1},
                  {"n":"heat","u":"/","v":1},
                  {"n":"fan","u":"/","v":0}
                ]""");
        assertThat(thermostat).hasSize(3);
        assertRecord(thermostat.get(0), "urn:dev:ow:10e2073a01080063:temp", "Cel", NOW, 23.1);
        assertRecord(thermostat.get(1), "urn:dev:ow:10e2073a01080063:heat", "/", NOW, 1);
        assertRecord(thermostat.get(2), "urn:dev:ow:10e2073a01080063:fan", "/", NOW, 0);

        List<ResolvedRecord> lightsOn = resolveJson("""
                [
                  {"bt":1.320078429e+09,"bu":"/","n":"2001:db8::3","v":1},
                  {"n":"2001:db8::4","v":1}
                ]""");
        assertRecord(lightsOn.get(0), "2001:db8::3", "/", 1320078429d, 1);
        assertRecord(lightsOn.get(1), "2001:db8::4", "/", 1320078429d, 1);

        List<ResolvedRecord> lightsOff = resolveJson("""
                [
                  {"bt":1.320078429e+09,"bu":"/","n":"2001:db8::3","v":0.5},
                  {"n":"2001:db8::4","v":0.5},
                  {"n":"2001:db8::3","t":0.1,"v":0},
                  {"n":"2001:db8::4","t":0.1,"v":0}
                ]""");
        assertThat(lightsOff).hasSize(4);
        assertRecord(lightsOff.get(0), "2001:db8::3", "/", 1320078429d, 0.5);
        assertRecord(lightsOff.get(1), "2001:db8::4", "/", 1320078429d, 0.5);
        assertRecord(lightsOff.get(2), "2001:db8::3", "/", 1320078429.1, 0);
        assertRecord(lightsOff.get(3), "2001:db8::4", "/", 1320078429.1, 0);
    }

    /** The hex dump of RFC 8428 §6. */
    static final byte[] RFC_CBOR = HexFormat.of().parseHex((""
            + "87a721781b75726e3a6465763a6f773a"
            + "3130653230373361303130383030363a"
            + "22fb41d303a15b00106223614120050 0"
            + "67766f6c74616765016156 02fb405e06"
            + "6666666666a3006763757272656e7406"
            + "2402fb3ff3333333333333a300676375"
            + "7272656e740623 02fb3ff4cccccccccc"
            + "cda3006763757272656e74062202fb3f"
            + "f666666666666 6a300676375727265 6e"
            + "74062102f93e00a3006763757272656e"
            + "74062002fb3ff999999999999aa30067"
            + "63757272656e74060002fb3ffb333333"
            + "333333").replace(" ", ""));

    @Test
    void cborExampleDecodesToTheSameRecordsAsTheJsonExample() throws Exception { // §6
        List<ResolvedRecord> fromCbor = Senml.decodeAndResolve(RFC_CBOR, NOW);
        List<ResolvedRecord> fromJson = resolveJson(MULTIPLE_WITH_TIME);
        assertThat(Senml.detect(RFC_CBOR)).isEqualTo(SenmlFormat.CBOR);
        assertThat(fromCbor).hasSize(7);
        for (int i = 0; i < fromJson.size(); i++) {
            ResolvedRecord j = fromJson.get(i);
            assertRecord(fromCbor.get(i), j.name(), j.unit(), j.time(), j.value());
            assertThat(fromCbor.get(i).version()).isEqualTo(5);
        }
    }

    @Test
    void cborEncoderReproducesTheRfcBytes() throws Exception { // §6, from its diagnostic notation
        List<SenmlRecord> pack = List.of(
                new SenmlRecord("urn:dev:ow:10e2073a0108006:", 1276020076.001, "A", null, null, 5,
                        "voltage", "V", 120.1, null, null, null, null, null, null),
                SenmlRecord.measurement("current", null, 1.2, -5d),
                SenmlRecord.measurement("current", null, 1.3, -4d),
                SenmlRecord.measurement("current", null, 1.4, -3d),
                SenmlRecord.measurement("current", null, 1.5, -2d),
                SenmlRecord.measurement("current", null, 1.6, -1d),
                SenmlRecord.measurement("current", null, 1.7, 0d));
        assertThat(HexFormat.of().formatHex(Senml.encode(pack, SenmlFormat.CBOR)))
                .isEqualTo(HexFormat.of().formatHex(RFC_CBOR));
    }
}
