package io.agrisense.protocol.senml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.SenmlException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Packs over a limit are refused with the limit's reason code, and a message that names the limit and its number. */
class DecodeLimitsTest {

    private static final double NOW = 1_700_000_000;
    private static final DecodeLimits SMALL = new DecodeLimits(4096, 8, 4, 32, 64, 24);

    private static SenmlException rejection(byte[] payload, DecodeLimits limits) {
        try {
            Senml.decodeAndResolve(payload, NOW, limits);
        } catch (SenmlException e) {
            return e;
        }
        throw new AssertionError("accepted: " + new String(payload, StandardCharsets.UTF_8));
    }

    private static SenmlException rejection(String json, DecodeLimits limits) {
        return rejection(json.getBytes(StandardCharsets.UTF_8), limits);
    }

    private static String nested(int levels) {
        return "[{\"bn\":" + "[".repeat(levels) + "]".repeat(levels) + "}]";
    }

    @Test
    void theDeeplyNestedPackOfIssue7IsRefusedAsTooDeepNotWithANullPointerException() {
        SenmlException e = rejection(nested(2000), DecodeLimits.DEFAULTS);
        assertThat(e.reason()).isEqualTo(Reason.TOO_DEEP);
        assertThat(e.reason().code()).isEqualTo("too_deep");
        assertThat(e.getMessage()).isEqualTo("nesting at line: 1, column: 23 exceeds the limit of 16 levels (maxDepth)");
    }

    @Test
    void nestingUpToTheLimitIsFineInAnIgnoredField() throws Exception {
        // pack (1) and record (2) leave 14 levels for an extension field's value
        String json = "[{\"n\":\"a\",\"v\":1,\"ext\":" + "[".repeat(14) + "]".repeat(14) + "}]";
        assertThat(Senml.decodeAndResolve(json.getBytes(StandardCharsets.UTF_8), NOW)).hasSize(1);
        String deeper = "[{\"n\":\"a\",\"v\":1,\"ext\":" + "[".repeat(15) + "]".repeat(15) + "}]";
        assertThat(rejection(deeper, DecodeLimits.DEFAULTS).reason()).isEqualTo(Reason.TOO_DEEP);
    }

    @Test
    void cborNestingIsHeldToTheSameNumber() {
        // [ {0: "a", 2: 1, "ext": [[[...]]]} ]: the extension's 16 nested arrays take levels 3 to 18
        ByteArrayOutputStream cbor = new ByteArrayOutputStream();
        cbor.writeBytes(HexFormat.of().parseHex("81a300616102016365787" + "4"));
        for (int i = 0; i < 15; i++) {
            cbor.write(0x81);
        }
        cbor.write(0x80);
        SenmlException e = rejection(cbor.toByteArray(), DecodeLimits.DEFAULTS);
        assertThat(e.reason()).isEqualTo(Reason.TOO_DEEP);
        assertThat(e.getMessage()).isEqualTo("nesting at byte 25 exceeds the limit of 16 levels (maxDepth)");
    }

    @Test
    void aMillionNestedCborTagsAreRefusedWithoutRecursingIntoThem() {
        byte[] cbor = new byte[1_000_001];
        cbor[0] = (byte) 0x81;
        cbor[1] = (byte) 0xa1;
        cbor[2] = 0x02;
        for (int i = 3; i < cbor.length; i += 2) {
            cbor[i] = (byte) 0xd8; // tag 2 (bignum) with a one-byte tag number, enclosing the next tag
            cbor[i + 1] = 2;
        }
        SenmlException e = rejection(cbor, DecodeLimits.DEFAULTS);
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.getMessage()).contains("tag 2 (bignum) must enclose a byte string");
    }

    @Test
    void anEmptyPackIsRefusedWithAReason() {
        SenmlException json = rejection("[]", DecodeLimits.DEFAULTS);
        assertThat(json.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(json.getMessage()).isEqualTo("a SenML pack needs at least one record");
        assertThat(rejection(new byte[] {(byte) 0x80}, DecodeLimits.DEFAULTS).getMessage())
                .isEqualTo("a SenML pack needs at least one record");
        assertThat(rejection(new byte[] {(byte) 0x9f, (byte) 0xff}, DecodeLimits.DEFAULTS).getMessage())
                .isEqualTo("a SenML pack needs at least one record");
        assertThatThrownBy(() -> Senml.resolve(List.of(), NOW)).hasMessage("a SenML pack needs at least one record");
    }

    @Test
    void aPackOfBaseFieldsOnlyResolvesToNothingAndIsRefused() {
        assertThat(rejection("[{\"bn\":\"urn:dev:agri:st-1:\",\"bt\":1700000000}]", DecodeLimits.DEFAULTS).getMessage())
                .isEqualTo("the pack has only base fields: no record carries a name, value or time");
    }

    @Test
    void aPayloadOverTheByteLimitIsRefusedBeforeParsing() {
        byte[] big = new byte[SMALL.maxPayloadBytes() + 1];
        big[0] = '[';
        SenmlException e = rejection(big, SMALL);
        assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(e.getMessage()).isEqualTo("a payload of 4097 bytes exceeds the limit of 4096 bytes (maxPayloadBytes)");
    }

    @ParameterizedTest
    @EnumSource(SenmlFormat.class)
    void onePackOverTheRecordLimitIsRefusedAndOneAtItIsNot(SenmlFormat format) throws Exception {
        assertThat(Senml.decodeAndResolve(Senml.encode(pack(8), format), NOW, SMALL)).hasSize(8);
        SenmlException e = rejection(Senml.encode(pack(9), format), SMALL);
        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_RECORDS);
        assertThat(e.getMessage()).isIn("record #9 exceeds the limit of 8 records (maxRecords)",
                "a pack of 9 records exceeds the limit of 8 records (maxRecords)");
    }

    @Test
    void anIndefiniteCborArrayIsCountedAsItIsRead() {
        // [_ {0:"a",2:1} x 9 ]
        ByteArrayOutputStream cbor = new ByteArrayOutputStream();
        cbor.write(0x9f);
        for (int i = 0; i < 9; i++) {
            cbor.writeBytes(HexFormat.of().parseHex("a20061610201"));
        }
        cbor.write(0xff);
        SenmlException e = rejection(cbor.toByteArray(), SMALL);
        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_RECORDS);
        assertThat(e.getMessage()).isEqualTo("record #9 exceeds the limit of 8 records (maxRecords)");
    }

    @ParameterizedTest
    @EnumSource(SenmlFormat.class)
    void stringsAndNamesAreHeldToTheirLimits(SenmlFormat format) throws Exception {
        List<SenmlRecord> atLimit = List.of(new SenmlRecord(null, null, null, null, null, null, "n".repeat(32), null,
                null, "s".repeat(64), null, null, null, null, null));
        assertThat(Senml.decodeAndResolve(Senml.encode(atLimit, format), NOW, SMALL)).hasSize(1);

        List<SenmlRecord> longValue = List.of(new SenmlRecord(null, null, null, null, null, null, "n", null, null,
                "s".repeat(65), null, null, null, null, null));
        SenmlException value = rejection(Senml.encode(longValue, format), SMALL);
        assertThat(value.reason()).isEqualTo(Reason.STRING_TOO_LONG);
        assertThat(value.getMessage()).endsWith("exceeds the limit of 64 characters (maxStringLength)");

        List<SenmlRecord> longName = List.of(SenmlRecord.measurement("n".repeat(33), null, 1, null));
        SenmlException name = rejection(Senml.encode(longName, format), SMALL);
        assertThat(name.reason()).isEqualTo(Reason.NAME_TOO_LONG);
        assertThat(name.getMessage()).isEqualTo("record #1: field 'n' of 33 characters exceeds the limit of 32 characters"
                + " (maxNameLength)");
    }

    @Test
    void aLongBaseNameCannotBeCopiedIntoEveryRecord() {
        // base name and name are each within the limit; the resolved name, built for every record, is not
        List<SenmlRecord> pack = List.of(new SenmlRecord("b".repeat(20), null, null, null, null, null, "x".repeat(13),
                null, 1.0, null, null, null, null, null, null));
        SenmlException e = rejection(Senml.encode(pack, SenmlFormat.JSON), SMALL);
        assertThat(e.reason()).isEqualTo(Reason.NAME_TOO_LONG);
        assertThat(e.getMessage()).isEqualTo("record #1: base name and name of 33 characters exceeds the limit of 32"
                + " characters (maxNameLength)");
    }

    @Test
    void jacksonsConstraintMessagesStillMapToOurReasons() {
        // These pin the wording of Jackson's StreamConstraintsException that SenmlJson reads the constraint from.
        assertThat(rejection("[{\"n\":\"a\",\"vs\":\"" + "x".repeat(65) + "\"}]", SMALL).reason())
                .isEqualTo(Reason.STRING_TOO_LONG);
        assertThat(rejection("[{\"" + "k".repeat(33) + "\":1,\"n\":\"a\",\"v\":1}]", SMALL).reason())
                .isEqualTo(Reason.NAME_TOO_LONG);
        SenmlException number = rejection("[{\"n\":\"a\",\"v\":1" + "0".repeat(30) + "}]", SMALL);
        assertThat(number.reason()).isEqualTo(Reason.NUMBER_TOO_LONG);
        assertThat(number.getMessage()).startsWith("a number at line: 1, column: ").endsWith(
                "exceeds the limit of 24 characters (maxNumberLength)");
        assertThat(rejection("[{\"n\":\"a\",\"v\":1,\"x\":[[[1]]]}]", SMALL).reason()).isEqualTo(Reason.TOO_DEEP);
    }

    @Test
    void aCborBignumIsHeldToTheNumberLength() {
        // [ {0: "a", 2: 2(h'ff' x 11)} ]: 11 bytes is up to 27 digits, more than 24
        String hex = "81a200616102c24b" + "ff".repeat(11);
        SenmlException e = rejection(HexFormat.of().parseHex(hex), SMALL);
        assertThat(e.reason()).isEqualTo(Reason.NUMBER_TOO_LONG);
        assertThat(e.getMessage()).isEqualTo("the bignum at byte 7 exceeds the limit of 24 digits (maxNumberLength)");
    }

    @Test
    void hugeDeclaredLengthsAreRefusedBeforeAnythingIsAllocated() {
        // [ {0: text of 2^32 - 1 bytes} ] and an array head claiming 2^63 records
        assertThat(rejection(HexFormat.of().parseHex("81a1007affffffff"), DecodeLimits.DEFAULTS).getMessage())
                .isEqualTo("malformed CBOR at byte 3: length 4294967295 runs past the end of the payload");
        assertThat(rejection(HexFormat.of().parseHex("9b7fffffffffffffff"), DecodeLimits.DEFAULTS).getMessage())
                .isEqualTo("malformed CBOR at byte 0: length 9223372036854775807 runs past the end of the payload");
    }

    @Test
    void timesThatOverflowAreRefused() {
        assertThat(rejection("[{\"bt\":1.7e308,\"n\":\"a\",\"t\":1.7e308,\"v\":1}]", DecodeLimits.DEFAULTS).getMessage())
                .isEqualTo("record #1: time Infinity is not a finite number");
    }

    @Test
    void aCborBaseTimeBeyondALongIsANumberLikeAnyOther() throws Exception {
        // [ {-3: 2^64 - 1, 0: "a", 2: 1} ]
        List<ResolvedRecord> records = Senml.decodeAndResolve(
                HexFormat.of().parseHex("81a3221bffffffffffffffff0061610201"), NOW);
        assertThat(records.get(0).time()).isEqualTo(18446744073709551615d);
    }

    @Test
    void theDefaultsAcceptWhatTheAgentSends() throws Exception {
        SenmlPackBuilder builder = SenmlPackBuilder.forStation(StationId.of("st-" + "x".repeat(61)));
        for (int i = 0; i < 10_000; i++) {
            builder.add("air_temperature", "Cel", 1_764_190_000.123 + i, 20 + i % 7);
        }
        for (SenmlFormat format : SenmlFormat.values()) {
            byte[] payload = Senml.encode(builder.build(), format);
            assertThat(payload.length).isLessThan(DecodeLimits.DEFAULTS.maxPayloadBytes());
            assertThat(Senml.decodeAndResolve(payload, NOW)).hasSize(10_000);
        }
    }

    @Test
    void limitsThemselvesAreChecked() {
        assertThatThrownBy(() -> DecodeLimits.DEFAULTS.withMaxDepth(1)).hasMessageContaining("maxDepth must be 2");
        assertThatThrownBy(() -> DecodeLimits.DEFAULTS.withMaxRecords(0)).hasMessageContaining("maxRecords must be at least 1");
        assertThat(DecodeLimits.DEFAULTS.withMaxRecords(5).maxRecords()).isEqualTo(5);
    }

    private static List<SenmlRecord> pack(int records) {
        List<SenmlRecord> pack = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            pack.add(SenmlRecord.measurement("m" + i, null, i, null));
        }
        return pack;
    }
}
