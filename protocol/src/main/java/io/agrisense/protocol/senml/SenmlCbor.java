package io.agrisense.protocol.senml;

import io.agrisense.protocol.senml.SenmlException.Reason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** SenML CBOR representation (RFC 8428 §6), application/senml+cbor: integer labels from Table 4. */
final class SenmlCbor {

    private SenmlCbor() {
    }

    static List<SenmlRecord> decode(byte[] payload, DecodeLimits limits) throws SenmlException {
        if (payload.length == 0) {
            throw new SenmlException("empty payload: a SenML pack is a CBOR array of records");
        }
        CborReader reader = new CborReader(payload, limits);
        if (reader.peekMajorType() != CborReader.ARRAY) {
            throw new SenmlException("a SenML pack must be a CBOR array of records, got "
                    + RecordAssembler.describe(reader.readValue(1)));
        }
        long declared = reader.containerHead(1);
        if (declared > limits.maxRecords()) {
            throw SenmlException.overLimit(Reason.TOO_MANY_RECORDS, "a pack of " + declared + " records",
                    limits.maxRecords(), "records");
        }
        List<SenmlRecord> records = new ArrayList<>(declared < 0 ? 16 : (int) declared);
        while (declared < 0 ? !reader.atBreak() : records.size() < declared) {
            int index = records.size();
            if (index == limits.maxRecords()) {
                throw SenmlException.overLimit(Reason.TOO_MANY_RECORDS, RecordAssembler.where(index),
                        limits.maxRecords(), "records");
            }
            if (reader.peekMajorType() != CborReader.MAP) {
                throw new SenmlException(RecordAssembler.where(index) + " must be a CBOR map, got "
                        + RecordAssembler.describe(reader.readValue(2)));
            }
            records.add(readRecord(reader, index, limits));
        }
        if (!reader.atEnd()) {
            throw new SenmlException("unexpected content after the end of the pack at byte " + reader.position());
        }
        return records;
    }

    // Record fields sit at nesting level 3: pack array (1), record map (2), field value (3).
    private static SenmlRecord readRecord(CborReader reader, int index, DecodeLimits limits) throws SenmlException {
        RecordAssembler record = new RecordAssembler(index, limits);
        Set<String> unknown = new HashSet<>();
        long declared = reader.containerHead(2);
        for (long i = 0; declared < 0 ? !reader.atBreak() : i < declared; i++) {
            Object key = reader.readKey();
            if (key instanceof String name) {
                if (!unknown.add(name)) {
                    throw new SenmlException(RecordAssembler.where(index) + ": field '" + name + "' appears twice");
                }
                record.unknown(name);
                reader.skip(3);
                continue;
            }
            Label label = key instanceof Long number ? Label.fromCbor(number) : null;
            if (label == null) {
                // Table 4 is conclusive: no other integer labels exist.
                throw new SenmlException(RecordAssembler.where(index) + ": unknown CBOR label " + key
                        + " (RFC 8428 Table 4 defines -6..8)");
            }
            record.put(label, reader.readValue(3));
        }
        return record.build();
    }

    static byte[] encode(List<SenmlRecord> pack) {
        CborWriter w = new CborWriter(32 + pack.size() * 24);
        w.arrayHeader(pack.size());
        for (SenmlRecord r : pack) {
            w.mapHeader(count(r));
            text(w, Label.BASE_NAME, r.baseName());
            number(w, Label.BASE_TIME, r.baseTime());
            text(w, Label.BASE_UNIT, r.baseUnit());
            number(w, Label.BASE_VALUE, r.baseValue());
            number(w, Label.BASE_SUM, r.baseSum());
            if (r.baseVersion() != null) {
                w.integer(Label.BASE_VERSION.cbor);
                w.integer(r.baseVersion());
            }
            text(w, Label.NAME, r.name());
            text(w, Label.UNIT, r.unit());
            number(w, Label.TIME, r.time());
            number(w, Label.VALUE, r.value());
            text(w, Label.STRING_VALUE, r.stringValue());
            if (r.booleanValue() != null) {
                w.integer(Label.BOOLEAN_VALUE.cbor);
                w.bool(r.booleanValue());
            }
            if (r.dataValue() != null) {
                w.integer(Label.DATA_VALUE.cbor);
                w.bytes(r.dataValue());
            }
            number(w, Label.SUM, r.sum());
            number(w, Label.UPDATE_TIME, r.updateTime());
        }
        return w.toByteArray();
    }

    private static int count(SenmlRecord r) {
        Object[] fields = {r.baseName(), r.baseTime(), r.baseUnit(), r.baseValue(), r.baseSum(), r.baseVersion(),
            r.name(), r.unit(), r.time(), r.value(), r.stringValue(), r.booleanValue(), r.dataValue(), r.sum(),
            r.updateTime()};
        int n = 0;
        for (Object field : fields) {
            if (field != null) {
                n++;
            }
        }
        return n;
    }

    private static void text(CborWriter w, Label label, String value) {
        if (value != null) {
            w.integer(label.cbor);
            w.text(value);
        }
    }

    private static void number(CborWriter w, Label label, Double value) {
        if (value != null) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("SenML field '" + label.json + "' cannot carry " + value);
            }
            w.integer(label.cbor);
            w.number(value);
        }
    }
}
