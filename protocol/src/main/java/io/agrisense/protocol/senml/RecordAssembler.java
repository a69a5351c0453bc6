package io.agrisense.protocol.senml;

import io.agrisense.protocol.senml.SenmlException.Reason;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/**
 * Collects the fields of one record as decoded from JSON or CBOR, checks each value's type and builds the
 * {@link SenmlRecord}. Both representations share this so that they accept and reject exactly the same packs.
 */
final class RecordAssembler {

    private final int index;
    private final DecodeLimits limits;
    private final Map<Label, Object> fields = new EnumMap<>(Label.class);

    RecordAssembler(int index, DecodeLimits limits) {
        this.index = index;
        this.limits = limits;
    }

    /** Where a problem is, for messages: records are numbered from 1 as a person counts them. */
    static String where(int index) {
        return "record #" + (index + 1);
    }

    /** An unknown label: ignored, unless it ends with '_' (must-understand, RFC 8428 §4.4). */
    void unknown(String label) throws SenmlException {
        if (label.endsWith("_")) {
            throw new SenmlException(where(index) + ": field '" + label
                    + "' must be understood (its label ends with '_', RFC 8428 §4.4) and is not supported");
        }
    }

    void put(Label label, Object value) throws SenmlException {
        if (fields.containsKey(label)) {
            throw new SenmlException(where(index) + ": field '" + label.json + "' appears twice");
        }
        fields.put(label, check(label, value));
    }

    private Object check(Label label, Object value) throws SenmlException {
        switch (label.kind) {
            case TEXT:
                if (value instanceof String text) {
                    return checkLength(label, text);
                }
                throw typeError(label, "a string", value);
            case BOOLEAN:
                if (value instanceof Boolean) {
                    return value;
                }
                throw typeError(label, "true or false", value);
            case DATA:
                if (value instanceof byte[]) {
                    return value;
                }
                if (value instanceof String text) {
                    return decodeBase64Url(label, text);
                }
                throw typeError(label, "base64url data", value);
            case UNSIGNED:
                if (value instanceof Long l && l > 0 && l <= Integer.MAX_VALUE) {
                    return l.intValue();
                }
                if (value instanceof Number) {
                    throw new SenmlException(where(index) + ": field '" + label.json
                            + "' must be a positive integer, got " + describe(value));
                }
                throw typeError(label, "a positive integer", value);
            case NUMBER:
                if (value instanceof Number number) {
                    double d = toDouble(number);
                    if (!Double.isFinite(d)) {
                        throw new SenmlException(where(index) + ": field '" + label.json
                                + "' must be a finite number, got " + d);
                    }
                    return d;
                }
                throw typeError(label, "a number", value);
            default:
                throw new IllegalStateException(label.kind.name());
        }
    }

    /** Names are held to the (shorter) name limit; every other text the decoders already held to the string limit. */
    private String checkLength(Label label, String text) throws SenmlException {
        boolean name = label == Label.BASE_NAME || label == Label.NAME;
        int max = name ? limits.maxNameLength() : limits.maxStringLength();
        if (text.length() > max) {
            throw SenmlException.overLimit(name ? Reason.NAME_TOO_LONG : Reason.STRING_TOO_LONG,
                    where(index) + ": field '" + label.json + "' of " + text.length() + " characters", max, "characters");
        }
        int unpaired = unpairedSurrogate(text);
        if (unpaired >= 0) {
            // JSON escapes can spell half a UTF-16 pair ("\ud800"): no UTF-8 text, CBOR or database holds it.
            throw new SenmlException(where(index) + ": field '" + label.json + "' is not Unicode text (an unpaired"
                    + " surrogate at character " + (unpaired + 1) + ")");
        }
        return text;
    }

    private static int unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static double toDouble(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal.doubleValue();
        }
        if (number instanceof BigInteger integer) {
            return integer.doubleValue();
        }
        return number.doubleValue();
    }

    private byte[] decodeBase64Url(Label label, String text) throws SenmlException {
        if (text.indexOf('=') >= 0) {
            throw new SenmlException(where(index) + ": field '" + label.json
                    + "' must be base64url without padding (RFC 8428 §5), got '='");
        }
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new SenmlException(where(index) + ": field '" + label.json + "' is not valid base64url: "
                    + e.getMessage());
        }
    }

    private SenmlException typeError(Label label, String expected, Object value) {
        return new SenmlException(where(index) + ": field '" + label.json + "' must be " + expected + ", got "
                + describe(value));
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (value instanceof byte[] b) {
            return "a byte string of " + b.length + " bytes";
        }
        if (value instanceof Boolean b) {
            return "the boolean " + b;
        }
        if (value instanceof Number n) {
            return "the number " + n;
        }
        return String.valueOf(value);
    }

    SenmlRecord build() {
        return new SenmlRecord(
                (String) fields.get(Label.BASE_NAME),
                (Double) fields.get(Label.BASE_TIME),
                (String) fields.get(Label.BASE_UNIT),
                (Double) fields.get(Label.BASE_VALUE),
                (Double) fields.get(Label.BASE_SUM),
                (Integer) fields.get(Label.BASE_VERSION),
                (String) fields.get(Label.NAME),
                (String) fields.get(Label.UNIT),
                (Double) fields.get(Label.VALUE),
                (String) fields.get(Label.STRING_VALUE),
                (Boolean) fields.get(Label.BOOLEAN_VALUE),
                (byte[]) fields.get(Label.DATA_VALUE),
                (Double) fields.get(Label.SUM),
                (Double) fields.get(Label.TIME),
                (Double) fields.get(Label.UPDATE_TIME));
    }
}
