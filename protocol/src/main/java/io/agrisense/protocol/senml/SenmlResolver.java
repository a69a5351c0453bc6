package io.agrisense.protocol.senml;

import io.agrisense.protocol.senml.SenmlException.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** Applies base fields and relative times to a pack, yielding resolved records in chronological order (RFC 8428 §4.6). */
final class SenmlResolver {

    /** The version this decoder implements (RFC 8428 §4.1: bver defaults to 10). */
    static final int SUPPORTED_VERSION = 10;
    /** Times below 2**28 are relative to "now" (RFC 8428 §4.5.3). */
    static final double RELATIVE_TIME_LIMIT = 268_435_456d;
    // RFC 8428 §4.5.1: the concatenated name's alphabet and its first character.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9\\-:./_]*");

    private SenmlResolver() {
    }

    static List<ResolvedRecord> resolve(List<SenmlRecord> pack, double now, DecodeLimits limits) throws SenmlException {
        requireRecords(pack);
        String baseName = null;
        double baseTime = 0;
        String baseUnit = null;
        Double baseValue = null;
        Double baseSum = null;
        Integer version = null;
        int versionRecord = -1;
        List<ResolvedRecord> resolved = new ArrayList<>(pack.size());
        for (int i = 0; i < pack.size(); i++) {
            SenmlRecord r = pack.get(i);
            String where = RecordAssembler.where(i);
            if (r.baseVersion() != null) {
                if (r.baseVersion() > SUPPORTED_VERSION) {
                    throw new SenmlException(where + ": SenML version " + r.baseVersion()
                            + " is newer than the version this decoder understands (" + SUPPORTED_VERSION + ")");
                }
                int effective = version == null ? SUPPORTED_VERSION : version;
                if ((version != null || i > 0) && r.baseVersion() != effective) {
                    throw new SenmlException(where + ": version " + r.baseVersion() + " differs from version "
                            + effective + (versionRecord >= 0 ? " of " + RecordAssembler.where(versionRecord)
                            : " (the default) of the records before it")
                            + "; all records of a pack must have the same version (RFC 8428 §4.4)");
                }
                version = r.baseVersion();
                versionRecord = i;
            }
            if (r.baseName() != null) {
                baseName = r.baseName();
            }
            if (r.baseTime() != null) {
                baseTime = r.baseTime();
            }
            if (r.baseUnit() != null) {
                baseUnit = r.baseUnit();
            }
            if (r.baseValue() != null) {
                baseValue = r.baseValue();
            }
            if (r.baseSum() != null) {
                baseSum = r.baseSum();
            }
            if (isBaseOnly(r)) {
                continue; // a record of base fields only sets context for the records after it (RFC 8428 §5.1.7)
            }

            String name = name(baseName, r.name(), where, limits);
            if (name.isEmpty()) {
                throw new SenmlException(where + ": has no name and no base name applies");
            }
            if (!NAME.matcher(name).matches()) {
                throw new SenmlException(where + ": name '" + name + "' must start with A-Z, a-z or 0-9 and contain"
                        + " only A-Z a-z 0-9 - : . / _ (RFC 8428 §4.5.1)");
            }

            double time = baseTime + (r.time() == null ? 0 : r.time());
            if (time < RELATIVE_TIME_LIMIT) {
                time = now + time;
            }
            if (!Double.isFinite(time)) {
                throw new SenmlException(where + ": time " + time + " is not a finite number");
            }

            int valueFields = count(r.value(), r.stringValue(), r.booleanValue(), r.dataValue());
            if (valueFields > 1) {
                throw new SenmlException(where + ": has " + valueFields
                        + " value fields; a record carries exactly one of v, vs, vb, vd (RFC 8428 §4.2)");
            }
            Double sum = r.sum() == null && baseSum == null ? null
                    : (baseSum == null ? 0 : baseSum) + (r.sum() == null ? 0 : r.sum());
            Double value = null;
            if (r.value() != null) {
                value = r.value() + (baseValue == null ? 0 : baseValue);
            } else if (valueFields == 0 && baseValue != null) {
                value = baseValue; // RFC 8428 §4.5.4: a missing Value counts as zero when a Base Value applies
            }
            if (value == null && valueFields == 0 && sum == null) {
                throw new SenmlException(where + ": has no value (v, vs, vb or vd) and no sum (RFC 8428 §4.2)");
            }
            if (value != null && !Double.isFinite(value)) {
                throw new SenmlException(where + ": value " + value + " is not a finite number");
            }
            if (sum != null && !Double.isFinite(sum)) {
                throw new SenmlException(where + ": sum " + sum + " is not a finite number");
            }
            String unit = r.unit() != null ? r.unit() : baseUnit;
            resolved.add(new ResolvedRecord(name, unit, time, value, r.stringValue(), r.booleanValue(),
                    r.dataValue(), sum, r.updateTime(), SUPPORTED_VERSION));
        }
        if (resolved.isEmpty()) {
            throw new SenmlException("the pack has only base fields: no record carries a name, value or time");
        }
        int packVersion = version == null ? SUPPORTED_VERSION : version;
        List<ResolvedRecord> out = new ArrayList<>(resolved.size());
        for (ResolvedRecord r : resolved) {
            out.add(packVersion == SUPPORTED_VERSION ? r : new ResolvedRecord(r.name(), r.unit(), r.time(),
                    r.value(), r.stringValue(), r.booleanValue(), r.dataValue(), r.sum(), r.updateTime(), packVersion));
        }
        // Resolved records are in chronological order (RFC 8428 §4.6); the sort is stable for equal times.
        out.sort(Comparator.comparingDouble(ResolvedRecord::time));
        return out;
    }

    /** Every pack has at least one record (RFC 8428 §4: a pack is an array of one or more records). */
    static void requireRecords(List<SenmlRecord> pack) throws SenmlException {
        if (pack.isEmpty()) {
            throw new SenmlException("a SenML pack needs at least one record");
        }
    }

    // The concatenated name is built once per record, so its length bounds the memory a short pack can ask for.
    private static String name(String baseName, String name, String where, DecodeLimits limits) throws SenmlException {
        String base = baseName == null ? "" : baseName;
        String own = name == null ? "" : name;
        long length = (long) base.length() + own.length();
        if (length > limits.maxNameLength()) {
            throw SenmlException.overLimit(Reason.NAME_TOO_LONG, where + ": base name and name of " + length
                    + " characters", limits.maxNameLength(), "characters");
        }
        return own.isEmpty() ? base : base + own;
    }

    private static boolean isBaseOnly(SenmlRecord r) {
        return count(r.name(), r.unit(), r.value(), r.stringValue(), r.booleanValue(), r.dataValue(), r.sum(),
                r.time(), r.updateTime()) == 0;
    }

    private static int count(Object... fields) {
        int n = 0;
        for (Object field : fields) {
            if (field != null) {
                n++;
            }
        }
        return n;
    }
}
