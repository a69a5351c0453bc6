package io.agrisense.protocol.senml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.agrisense.protocol.senml.SenmlException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** SenML JSON representation (RFC 8428 §5), application/senml+json. */
final class SenmlJson {

    /** Writing needs no limits; reading uses a factory whose constraints are the caller's {@link DecodeLimits}. */
    private static final JsonFactory WRITER = new JsonFactory();
    private static final Map<DecodeLimits, JsonFactory> READERS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_READERS = 8;

    private SenmlJson() {
    }

    static List<SenmlRecord> decode(byte[] payload, DecodeLimits limits) throws SenmlException {
        try (JsonParser parser = reader(limits).createParser(payload)) {
            try {
                return readPack(parser, limits);
            } catch (StreamConstraintsException e) {
                throw overConstraint(e, parser.currentLocation(), limits);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                throw new SenmlException("malformed JSON: " + e.getOriginalMessage() + " at " + at.offsetDescription(), e);
            }
        } catch (IOException e) {
            throw new SenmlException("unreadable JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Jackson's own read constraints carry our limits (its nesting check also covers the values we skip); a JSON
     * field name is held to the name limit. The factory is cached per limits, as it keeps the symbol tables.
     */
    private static JsonFactory reader(DecodeLimits limits) {
        JsonFactory cached = READERS.get(limits);
        if (cached != null) {
            return cached;
        }
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxNameLength(limits.maxNameLength())
                        .maxStringLength(limits.maxStringLength())
                        .maxNumberLength(limits.maxNumberLength())
                        .maxDocumentLength(limits.maxPayloadBytes())
                        .build())
                .build();
        if (READERS.size() < MAX_CACHED_READERS) {
            READERS.putIfAbsent(limits, factory);
        }
        return factory;
    }

    /**
     * Which of Jackson's constraints tripped, known only from its message (the exception has no field for it);
     * DecodeLimitsTest pins these messages so that a Jackson upgrade that changes them fails a test.
     */
    private static SenmlException overConstraint(StreamConstraintsException e, JsonLocation at, DecodeLimits limits) {
        String message = String.valueOf(e.getOriginalMessage());
        String where = " at " + at.offsetDescription();
        if (message.startsWith("Document nesting depth")) {
            return SenmlException.overLimit(Reason.TOO_DEEP, "nesting" + where, limits.maxDepth(), "levels");
        }
        if (message.startsWith("Name length")) {
            return SenmlException.overLimit(Reason.NAME_TOO_LONG, "a field name" + where, limits.maxNameLength(), "characters");
        }
        if (message.startsWith("String value length")) {
            return SenmlException.overLimit(Reason.STRING_TOO_LONG, "a string" + where, limits.maxStringLength(), "characters");
        }
        if (message.startsWith("Number value length")) {
            return SenmlException.overLimit(Reason.NUMBER_TOO_LONG, "a number" + where, limits.maxNumberLength(), "characters");
        }
        if (message.startsWith("Document length")) {
            return SenmlException.overLimit(Reason.TOO_LARGE, "the payload", limits.maxPayloadBytes(), "bytes");
        }
        return new SenmlException("malformed JSON: " + message + where, e);
    }

    private static List<SenmlRecord> readPack(JsonParser parser, DecodeLimits limits) throws IOException, SenmlException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new SenmlException("empty payload: a SenML pack is a JSON array of records");
        }
        if (first != JsonToken.START_ARRAY) {
            throw new SenmlException("a SenML pack must be a JSON array of records, got " + tokenName(first));
        }
        List<SenmlRecord> records = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            int index = records.size();
            if (token != JsonToken.START_OBJECT) {
                throw new SenmlException(RecordAssembler.where(index) + " must be a JSON object, got " + tokenName(token));
            }
            if (index == limits.maxRecords()) {
                throw SenmlException.overLimit(Reason.TOO_MANY_RECORDS, RecordAssembler.where(index),
                        limits.maxRecords(), "records");
            }
            records.add(readRecord(parser, index, limits));
        }
        if (parser.nextToken() != null) {
            throw new SenmlException("unexpected content after the end of the pack at "
                    + parser.currentLocation().offsetDescription());
        }
        return records;
    }

    private static SenmlRecord readRecord(JsonParser parser, int index, DecodeLimits limits)
            throws IOException, SenmlException {
        RecordAssembler record = new RecordAssembler(index, limits);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken valueToken = parser.nextToken();
            Label label = Label.fromJson(name);
            if (label == null) {
                record.unknown(name);
                parser.skipChildren();
                continue;
            }
            record.put(label, readValue(parser, valueToken));
        }
        return record.build();
    }

    private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case START_ARRAY, START_OBJECT -> {
                parser.skipChildren();
                yield token == JsonToken.START_ARRAY ? new StructuredValue("an array") : new StructuredValue("an object");
            }
            default -> new StructuredValue(tokenName(token));
        };
    }

    private static String tokenName(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    static byte[] encode(List<SenmlRecord> pack) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + pack.size() * 48);
        try (JsonGenerator gen = WRITER.createGenerator(out)) {
            gen.writeStartArray();
            for (SenmlRecord r : pack) {
                gen.writeStartObject();
                text(gen, Label.BASE_NAME, r.baseName());
                number(gen, Label.BASE_TIME, r.baseTime());
                text(gen, Label.BASE_UNIT, r.baseUnit());
                number(gen, Label.BASE_VALUE, r.baseValue());
                number(gen, Label.BASE_SUM, r.baseSum());
                if (r.baseVersion() != null) {
                    gen.writeNumberField(Label.BASE_VERSION.json, r.baseVersion());
                }
                text(gen, Label.NAME, r.name());
                text(gen, Label.UNIT, r.unit());
                number(gen, Label.TIME, r.time());
                number(gen, Label.VALUE, r.value());
                text(gen, Label.STRING_VALUE, r.stringValue());
                if (r.booleanValue() != null) {
                    gen.writeBooleanField(Label.BOOLEAN_VALUE.json, r.booleanValue());
                }
                if (r.dataValue() != null) {
                    gen.writeStringField(Label.DATA_VALUE.json,
                            Base64.getUrlEncoder().withoutPadding().encodeToString(r.dataValue()));
                }
                number(gen, Label.SUM, r.sum());
                number(gen, Label.UPDATE_TIME, r.updateTime());
                gen.writeEndObject();
            }
            gen.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void text(JsonGenerator gen, Label label, String value) throws IOException {
        if (value != null) {
            gen.writeStringField(label.json, value);
        }
    }

    private static void number(JsonGenerator gen, Label label, Double value) throws IOException {
        if (value == null) {
            return;
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("SenML field '" + label.json + "' cannot carry " + value);
        }
        gen.writeFieldName(label.json);
        double d = value;
        // Integral values are written without a fraction: shorter, and exactly the same number.
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            gen.writeNumber((long) d);
        } else {
            gen.writeNumber(d);
        }
    }
}
