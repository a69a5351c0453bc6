package io.agrisense.protocol.senml;

/**
 * A resolved SenML record (RFC 8428 §4.6): full name, unit, absolute time in seconds since the epoch,
 * and exactly the value fields the record carries (a value of one kind, a sum, or both).
 */
public record ResolvedRecord(
        String name,
        String unit,
        double time,
        Double value,
        String stringValue,
        Boolean booleanValue,
        byte[] dataValue,
        Double sum,
        Double updateTime,
        int version) {

    public boolean hasNumericValue() {
        return value != null;
    }
}
