package io.agrisense.protocol.senml;

import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.SenmlException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The property both SenML fuzz targets check, and their seeds. For every input: decoding (under the default
 * limits and under small ones) and resolving either succeed or throw a {@link SenmlException} that is not a
 * defect in disguise and, for a limit, names the limit; an accepted pack encodes to both representations and
 * decodes back to the same records. The same bytes also drive a generated valid pack through that round trip.
 */
final class SenmlFuzzing {

    /** Inputs per target per run (Jazzer's maxExecutions), checked after the run. */
    static final int RUNS = 10_000;
    static final double NOW = 1_700_000_000;
    /** Small limits, so that mutated seeds cross every limit cheaply. */
    static final DecodeLimits SMALL = new DecodeLimits(4096, 8, 4, 32, 64, 24);
    private static final List<DecodeLimits> LIMITS = List.of(DecodeLimits.DEFAULTS, SMALL);

    private SenmlFuzzing() {
    }

    static void check(byte[] input, SenmlFormat format, AtomicInteger runs) {
        runs.incrementAndGet();
        for (DecodeLimits limits : LIMITS) {
            decodeOrReject(input, format, limits);
        }
        roundTrips(PackRecipe.read(input));
    }

    /** Run from a target's @AfterAll: in fuzzing mode the fuzzer must have run the agreed number of inputs. */
    static void assertRanEnough(AtomicInteger runs) {
        if (System.getenv("JAZZER_FUZZ") != null) {
            assertThat(runs.get()).as("inputs fuzzed").isGreaterThanOrEqualTo(RUNS);
        }
    }

    private static void decodeOrReject(byte[] input, SenmlFormat format, DecodeLimits limits) {
        List<SenmlRecord> pack;
        try {
            pack = Senml.decode(input, format, limits);
        } catch (SenmlException e) {
            checkRejection(e);
            return;
        }
        roundTrips(pack);
        try {
            assertThat(Senml.resolve(pack, NOW, limits)).isNotEmpty();
        } catch (SenmlException e) {
            checkRejection(e);
        }
    }

    private static void checkRejection(SenmlException e) {
        if (e.getCause() instanceof RuntimeException defect) {
            throw new AssertionError("a decoder defect surfaced as a rejection: " + e.getMessage(), defect);
        }
        assertThat(e.getMessage()).isNotBlank();
        if (e.reason() != Reason.MALFORMED) {
            assertThat(e.getMessage()).contains("(" + e.reason().limit() + ")");
        }
    }

    private static void roundTrips(List<SenmlRecord> pack) {
        for (SenmlFormat format : SenmlFormat.values()) {
            List<SenmlRecord> back;
            try {
                back = Senml.decode(Senml.encode(pack, format), format);
            } catch (SenmlException e) {
                throw new AssertionError("an accepted pack did not decode after encoding as " + format + ": "
                        + e.getMessage(), e);
            }
            assertThat(back).hasSameSizeAs(pack);
            for (int i = 0; i < pack.size(); i++) {
                assertSame(pack.get(i), back.get(i), format);
            }
        }
    }

    private static void assertSame(SenmlRecord a, SenmlRecord b, SenmlFormat format) {
        boolean same = Objects.equals(a.baseName(), b.baseName()) && number(a.baseTime(), b.baseTime())
                && Objects.equals(a.baseUnit(), b.baseUnit()) && number(a.baseValue(), b.baseValue())
                && number(a.baseSum(), b.baseSum()) && Objects.equals(a.baseVersion(), b.baseVersion())
                && Objects.equals(a.name(), b.name()) && Objects.equals(a.unit(), b.unit())
                && number(a.value(), b.value()) && Objects.equals(a.stringValue(), b.stringValue())
                && Objects.equals(a.booleanValue(), b.booleanValue()) && Arrays.equals(a.dataValue(), b.dataValue())
                && number(a.sum(), b.sum()) && number(a.time(), b.time()) && number(a.updateTime(), b.updateTime());
        if (!same) {
            throw new AssertionError(format + " round trip changed " + a + " into " + b);
        }
    }

    // Numerically equal: JSON writes -0.0 as 0, the same number.
    private static boolean number(Double a, Double b) {
        return a == null ? b == null : b != null && a.doubleValue() == b.doubleValue();
    }

    static Stream<byte[]> jsonSeeds() {
        List<String> json = new ArrayList<>(List.of(
                Rfc8428ExamplesTest.MULTIPLE_WITH_TIME,
                Rfc8428ExamplesTest.MULTIPLE_DATA_TYPES,
                Rfc8428ExamplesTest.COLLECTION_OF_RESOURCES,
                "[{\"n\":\"urn:dev:ow:10e2073a01080063\",\"u\":\"Cel\",\"v\":23.1}]",
                // issue 7: nesting deeper than Jackson's own limit, and the empty pack
                "[{\"bn\":" + "[".repeat(2000) + "]".repeat(2000) + "}]",
                "[]",
                // over the small limits: records, strings, names, numbers, depth
                "[" + "{\"n\":\"a\",\"v\":1},".repeat(8) + "{\"n\":\"a\",\"v\":1}]",
                "[{\"n\":\"a\",\"vs\":\"" + "x".repeat(70) + "\"}]",
                "[{\"bn\":\"" + "b".repeat(20) + "\",\"n\":\"" + "n".repeat(20) + "\",\"v\":1}]",
                "[{\"n\":\"a\",\"v\":1" + "0".repeat(40) + ",\"t\":-1e308,\"bt\":1e308}]",
                "[{\"n\":\"a\",\"v\":1,\"ext\":{\"k\":[[[[[1]]]]],\"k2\":null},\"x_\":1}]",
                "[{\"n\":\"a\\ud800\",\"vs\":\"\\u00e9\\ud83d\\ude00\",\"bver\":10,\"vd\":\"aGkgCg\",\"s\":1e-400}]"));
        Stream<byte[]> text = json.stream().map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Stream.concat(text, Stream.of(agentPack(SenmlFormat.JSON), oversize(SenmlFormat.JSON)));
    }

    static Stream<byte[]> cborSeeds() {
        HexFormat hex = HexFormat.of();
        Stream<byte[]> fixed = Stream.of(
                Rfc8428ExamplesTest.RFC_CBOR,
                Senml.encode(decodeJson(Rfc8428ExamplesTest.MULTIPLE_DATA_TYPES), SenmlFormat.CBOR),
                Senml.encode(decodeJson(Rfc8428ExamplesTest.COLLECTION_OF_RESOURCES), SenmlFormat.CBOR),
                // indefinite lengths and decimal fractions, as SensML streams send them
                hex.parseHex("9fa300616106c48221196ab302c4822018d7ff"),
                hex.parseHex("80"),                                   // the empty pack
                hex.parseHex("9fff"),                                 // the empty pack, indefinite
                deepCbor(2000),                                       // nesting deeper than any limit
                hex.parseHex("81a1007affffffff"),                     // a text of 2^32 - 1 bytes declared
                hex.parseHex("9b7fffffffffffffff"),                   // 2^63 - 1 records declared
                hex.parseHex("81a3221bffffffffffffffff0061610201"),   // a base time beyond a long
                hex.parseHex("81a200616102f97e00"),                   // NaN as a half float
                hex.parseHex("81a200616102fa7f800000"),               // +Infinity as a single float
                hex.parseHex("81a200616102f90001"),                   // the smallest half subnormal
                hex.parseHex("81a200616102c24bffffffffffffffffffffff"), // a bignum value
                hex.parseHex("81a200616102c1d8021a00"),               // nested tags
                hex.parseHex("81a3006161f5f4636b657901"),             // a non-string, non-integer key
                hex.parseHex("81a20061ff0201"),                       // invalid UTF-8
                hex.parseHex("81a2007f61616162ff0201"));              // an indefinite text
        return Stream.concat(fixed, Stream.of(agentPack(SenmlFormat.CBOR), oversize(SenmlFormat.CBOR)));
    }

    private static byte[] deepCbor(int levels) {
        byte[] out = new byte[levels + 4];
        out[0] = (byte) 0x81;
        out[1] = (byte) 0xa1;
        out[2] = 0x02;
        Arrays.fill(out, 3, out.length - 1, (byte) 0x81);
        out[out.length - 1] = (byte) 0x80;
        return out;
    }

    /** A pack as the agent sends it, 50 readings. */
    private static byte[] agentPack(SenmlFormat format) {
        SenmlPackBuilder builder = SenmlPackBuilder.forStation(StationId.of("pond-3"));
        for (int i = 0; i < 50; i++) {
            builder.add(i % 2 == 0 ? "water_temperature" : "dissolved_oxygen", i % 2 == 0 ? "Cel" : "mg/L",
                    1_764_190_000.123 + i * 10.5, 18.25 + i / 8.0);
        }
        builder.addString("event", 1_764_190_600, "{\"rule\":\"low_do\"}");
        return Senml.encode(builder.build(), format);
    }

    /** A pack over the small limits' payload size. */
    private static byte[] oversize(SenmlFormat format) {
        List<SenmlRecord> pack = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            pack.add(SenmlRecord.measurement("m" + i, "Cel", i * 1.5, (double) i));
        }
        return Senml.encode(pack, format);
    }

    private static List<SenmlRecord> decodeJson(String json) {
        try {
            return Senml.decode(json.getBytes(StandardCharsets.UTF_8));
        } catch (SenmlException e) {
            throw new IllegalStateException(e);
        }
    }
}
