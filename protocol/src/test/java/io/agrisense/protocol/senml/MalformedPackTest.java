package io.agrisense.protocol.senml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Packs that are not valid SenML are rejected with a message that says what is wrong and where. */
class MalformedPackTest {

    private static final double NOW = 1_700_000_000;

    private static void assertRejectedJson(String json, String... messageParts) {
        assertThatThrownBy(() -> Senml.decodeAndResolve(json.getBytes(StandardCharsets.UTF_8), NOW))
                .isInstanceOf(SenmlException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(messageParts));
    }

    private static void assertRejectedCbor(String hex, String... messageParts) {
        assertThatThrownBy(() -> Senml.decode(HexFormat.of().parseHex(hex), SenmlFormat.CBOR))
                .isInstanceOf(SenmlException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(messageParts));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "truncated JSON             | [{\"n\":\"a\",\"v\":1               | malformed JSON",
        "not an array               | {\"n\":\"a\",\"v\":1}              | must be a JSON array of records, got an object",
        "record is not an object    | [{\"n\":\"a\",\"v\":1}, 42]        | record #2 must be a JSON object, got a number",
        "value is a string          | [{\"n\":\"a\",\"v\":\"12\"}]       | record #1: field 'v' must be a number, got the string \"12\"",
        "name is a number           | [{\"n\":5,\"v\":1}]                | record #1: field 'n' must be a string",
        "vb is a number             | [{\"n\":\"a\",\"vb\":1}]           | field 'vb' must be true or false",
        "value is null              | [{\"n\":\"a\",\"v\":null}]         | field 'v' must be a number, got null",
        "value is an array          | [{\"n\":\"a\",\"v\":[1]}]          | field 'v' must be a number, got an array",
        "missing name               | [{\"v\":1}]                        | record #1: has no name and no base name",
        "NaN literal                | [{\"n\":\"a\",\"v\":NaN}]          | malformed JSON",
        "bad name character         | [{\"n\":\"a b\",\"v\":1}]          | name 'a b' must start with A-Z",
        "name starts with a dash    | [{\"bn\":\"-x:\",\"n\":\"a\",\"v\":1}] | name '-x:a' must start with A-Z",
        "duplicate key              | [{\"n\":\"a\",\"v\":1,\"v\":2}]    | malformed JSON: Duplicate field 'v'",
        "no value and no sum        | [{\"n\":\"a\",\"u\":\"Cel\"}]      | record #1: has no value",
        "two values                 | [{\"n\":\"a\",\"v\":1,\"vs\":\"x\"}] | record #1: has 2 value fields",
        "must-understand field      | [{\"n\":\"a\",\"v\":1,\"foo_\":1}] | field 'foo_' must be understood",
        "version newer than 10      | [{\"bver\":11,\"n\":\"a\",\"v\":1}] | SenML version 11 is newer",
        "version not an integer     | [{\"bver\":5.5,\"n\":\"a\",\"v\":1}] | field 'bver' must be a positive integer, got the number 5.5",
        "versions differ            | [{\"bver\":5,\"n\":\"a\",\"v\":1},{\"bver\":6,\"n\":\"b\",\"v\":2}] | record #2: version 6 differs from version 5 of record #1",
        "late version differs       | [{\"n\":\"a\",\"v\":1},{\"bver\":5,\"n\":\"b\",\"v\":2}] | record #2: version 5 differs from version 10 (the default)",
        "unpaired surrogate         | [{\"n\":\"a\",\"vs\":\"x\\ud800\"}]  | record #1: field 'vs' is not Unicode text (an unpaired surrogate at character 2)",
        "vd with padding            | [{\"n\":\"a\",\"vd\":\"aGk=\"}]    | must be base64url without padding",
        "vd not base64url           | [{\"n\":\"a\",\"vd\":\"a+b/\"}]    | field 'vd' is not valid base64url",
        "trailing content           | [{\"n\":\"a\",\"v\":1}] []          | unexpected content after the end of the pack",
        "empty payload              | ''                                   | empty payload",
        "text before the pack       | hello                                | not a SenML pack: first byte 0x68",
    })
    void rejectsMalformedJson(String description, String json, String message) {
        assertRejectedJson(json, message);
    }

    @Test
    void rejectsAHugeValueThatOverflowsWithItsBaseValue() {
        assertRejectedJson("[{\"n\":\"a\",\"bv\":1.7e308,\"v\":1.7e308}]", "record #1: value Infinity is not a finite number");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // [ {0: "a", 2: NaN (half)} ]
        "non-finite value (NaN)  | 81a200616102f97e00          | record #1: field 'v' must be a finite number, got NaN",
        // [ {0: "a", 2: +Infinity (single)} ]
        "non-finite value (Inf)  | 81a200616102fa7f800000      | must be a finite number, got Infinity",
        // [ {0: "a", 2: "x"} ]
        "value is text           | 81a200616102617 8           | record #1: field 'v' must be a number, got the string \"x\"",
        // [ {0: "a", 9: 1} ]
        "unknown integer label   | 81a20061610901              | record #1: unknown CBOR label 9",
        // [ {0: "a", 0: "b", 2: 1} ]
        "duplicate key           | 81a3006161006162 0201       | record #1: field 'n' appears twice",
        // [ {0: "a", 2: 1 ... truncated
        "truncated               | 81a2006161 02                | truncated",
        // {0: "a"} (a map, not an array)
        "not an array            | a1006161                    | not a SenML pack: first byte 0xa1",
        // [ 1 ]
        "record is not a map     | 8101                        | record #1 must be a CBOR map, got the number 1",
        // [ {0: "a", 2: 1} ] ff
        "trailing bytes          | 81a20061610201ff            | unexpected content after the end of the pack at byte 7",
        // [ {0: "a", 2: 1(tag 1, epoch time)} ]
        "unsupported tag         | 81a2006161 02c101           | unsupported CBOR tag 1",
        // [ {-1: 5.0 (half), 0: "a", 2: 1} ]: version must be an unsigned integer
        "version as a float      | 81a320f94500006161 0201      | field 'bver' must be a positive integer",
        // [ {0: h'61' (bytes), 2: 1} ]
        "name as bytes           | 81a200416102 01              | field 'n' must be a string, got a byte string of 1 bytes",
        // [ {0: "\xff" invalid UTF-8} ]
        "invalid UTF-8           | 81a20061ff0201               | text string is not valid UTF-8",
    })
    void rejectsMalformedCbor(String description, String hex, String message) {
        String clean = hex.replace(" ", "");
        if (clean.startsWith("81") || clean.startsWith("a1")) {
            assertThatThrownBy(() -> Senml.decodeAndResolve(HexFormat.of().parseHex(clean), NOW))
                    .isInstanceOf(SenmlException.class)
                    .satisfies(e -> assertThat(e.getMessage()).contains(message));
        } else {
            assertRejectedCbor(clean, message);
        }
    }

    @Test
    void ignoresUnknownFieldsWithoutTrailingUnderscore() throws Exception {
        List<ResolvedRecord> records = Senml.decodeAndResolve(
                "[{\"n\":\"a\",\"v\":1,\"location\":{\"lat\":1}}]".getBytes(StandardCharsets.UTF_8), NOW);
        assertThat(records).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo(1.0));
    }

    @Test
    void ordersAnUnsortedPackChronologicallyKeepingEqualTimesInPackOrder() throws Exception {
        List<ResolvedRecord> records = Senml.decodeAndResolve(("[{\"bn\":\"s:\",\"bt\":1700000000,\"n\":\"x\",\"t\":30,\"v\":3},"
                + "{\"n\":\"x\",\"t\":10,\"v\":1},{\"n\":\"y\",\"t\":30,\"v\":4},{\"n\":\"x\",\"t\":20,\"v\":2}]")
                .getBytes(StandardCharsets.UTF_8), NOW);
        assertThat(records).extracting(ResolvedRecord::value).containsExactly(1.0, 2.0, 3.0, 4.0);
        assertThat(records).extracting(ResolvedRecord::name).containsExactly("s:x", "s:x", "s:x", "s:y");
    }

    @Test
    void acceptsIndefiniteLengthArraysAndDecimalFractions() throws Exception {
        // [_ {0: "a", 6: 4([-2, 27315]) (273.15), 2: 4([-1, 215]) (21.5)} ] as SensML streams send them
        byte[] cbor = HexFormat.of().parseHex("9fa300616106c4822119 6ab302c482201 8d7ff".replace(" ", ""));
        List<ResolvedRecord> records = Senml.decodeAndResolve(cbor, NOW);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo(21.5);
            assertThat(r.time()).isEqualTo(NOW + 273.15);
        });
    }
}
