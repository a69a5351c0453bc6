package io.agrisense.protocol.senml;

/**
 * One SenML record exactly as it appears in a pack (RFC 8428 §4.1, §4.2), before resolution.
 * Every field is optional; absent fields are null. {@code dataValue} holds the decoded bytes of {@code vd}
 * (base64url in JSON, a byte string in CBOR).
 */
public record SenmlRecord(
        String baseName,
        Double baseTime,
        String baseUnit,
        Double baseValue,
        Double baseSum,
        Integer baseVersion,
        String name,
        String unit,
        Double value,
        String stringValue,
        Boolean booleanValue,
        byte[] dataValue,
        Double sum,
        Double time,
        Double updateTime) {

    /** A record with only a name, a unit, a numeric value and a time (the common case). */
    public static SenmlRecord measurement(String name, String unit, double value, Double time) {
        return new SenmlRecord(null, null, null, null, null, null, name, unit, value, null, null, null, null, time, null);
    }

    public SenmlRecord withBase(String baseName, Double baseTime) {
        return new SenmlRecord(baseName, baseTime, baseUnit, baseValue, baseSum, baseVersion, name, unit, value,
                stringValue, booleanValue, dataValue, sum, time, updateTime);
    }
}
