package io.agrisense.protocol.senml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** SenML CBOR representation (RFC 8428 §6), application/senml+cbor: integer labels from Table 4. */
final class SenmlCbor {

    private SenmlCbor() {
    }

    static List<SenmlRecord> decode(byte[] payload) throws SenmlException {
        if (payload.length == 0) {
            throw new SenmlException("empty payload: a SenML pack is a CBOR array of records");
        }
        CborReader reader = new CborReader(payload);
        Object root = reader.read();
        if (!reader.atEnd()) {
            throw new SenmlException("unexpected content after the end of the pack at byte " + reader.position());
        }
        if (!(root instanceof List<?> items)) {
            throw new SenmlException("a SenML pack must be a CBOR array of records, got "
                    + RecordAssembler.describe(root));
        }
        List<SenmlRecord> records = new ArrayList<>(items.size());
        for (Object item : items) {
            int index = records.size();
            if (!(item instanceof Map<?, ?> fields)) {
                throw new SenmlException(RecordAssembler.where(index) + " must be a CBOR map, got "
                        + RecordAssembler.describe(item));
            }
            records.add(readRecord(fields, index));
        }
        return records;
    }

    private static SenmlRecord readRecord(Map<?, ?> fields, int index) throws SenmlException {
        RecordAssembler record = new RecordAssembler(index);
        for (Map.Entry<?, ?> field : fields.entrySet()) {
            Object key = field.getKey();
            if (key instanceof Long number) {
                Label label = Label.fromCbor(number);
                if (label == null) {
                    // Table 4 is conclusive: no other integer labels exist.
                    throw new SenmlException(RecordAssembler.where(index) + ": unknown CBOR label " + number
                            + " (RFC 8428 Table 4 defines -6..8)");
                }
                record.put(label, field.getValue());
            } else if (key instanceof String name) {
                record.unknown(name);
            } else {
                throw new SenmlException(RecordAssembler.where(index) + ": map key must be an integer label or a"
                        + " string, got " + RecordAssembler.describe(key));
            }
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
