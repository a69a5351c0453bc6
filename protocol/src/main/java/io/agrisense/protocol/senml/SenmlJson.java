package io.agrisense.protocol.senml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** SenML JSON representation (RFC 8428 §5), application/senml+json. */
final class SenmlJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private SenmlJson() {
    }

    static List<SenmlRecord> decode(byte[] payload) throws SenmlException {
        try (JsonParser parser = FACTORY.createParser(payload)) {
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
                if (token != JsonToken.START_OBJECT) {
                    throw new SenmlException(RecordAssembler.where(records.size())
                            + " must be a JSON object, got " + tokenName(token));
                }
                records.add(readRecord(parser, records.size()));
            }
            if (parser.nextToken() != null) {
                throw new SenmlException("unexpected content after the end of the pack at "
                        + parser.currentLocation().offsetDescription());
            }
            return records;
        } catch (JsonProcessingException e) {
            throw new SenmlException("malformed JSON: " + e.getOriginalMessage() + " at "
                    + e.getLocation().offsetDescription(), e);
        } catch (IOException e) {
            throw new SenmlException("unreadable JSON: " + e.getMessage(), e);
        }
    }

    private static SenmlRecord readRecord(JsonParser parser, int index) throws IOException, SenmlException {
        RecordAssembler record = new RecordAssembler(index);
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

    /** A nested array or object where SenML expects a plain value; only its kind is kept for the error message. */
    record StructuredValue(String kind) {
        @Override
        public String toString() {
            return kind;
        }
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
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
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
