package io.agrisense.protocol.senml;

import io.agrisense.protocol.senml.SenmlException.Reason;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small streaming CBOR (RFC 8949) reader for SenML packs. The caller walks the pack's array and record maps
 * (so no tree of the whole pack is built); plain values come back as Java objects, and values SenML ignores are
 * skipped after a well-formedness check. Definite and indefinite lengths, half/single/double floats, bignums
 * (tags 2, 3) and decimal fractions (tag 4) are understood. Every length is checked against the bytes left and
 * the {@link DecodeLimits} before anything is allocated; every error names the byte offset.
 */
final class CborReader {

    static final int UNSIGNED = 0;
    static final int NEGATIVE = 1;
    static final int BYTES = 2;
    static final int TEXT = 3;
    static final int ARRAY = 4;
    static final int MAP = 5;
    static final int TAG = 6;
    private static final int BREAK = 0xff;
    /** Decimal digits per byte of a bignum's magnitude: log10(256). */
    private static final double DIGITS_PER_BYTE = Math.log10(256);

    private final byte[] in;
    private final DecodeLimits limits;
    private int pos;

    CborReader(byte[] in, DecodeLimits limits) {
        this.in = in;
        this.limits = limits;
    }

    int position() {
        return pos;
    }

    boolean atEnd() {
        return pos >= in.length;
    }

    /** The major type of the next item, without consuming it. */
    int peekMajorType() throws SenmlException {
        need(1);
        return (in[pos] & 0xff) >>> 5;
    }

    /**
     * Consumes the head of an array or map at nesting level {@code depth} and returns its length (entries for a
     * map), or -1 for an indefinite length (then {@link #atBreak()} ends it).
     */
    long containerHead(int depth) throws SenmlException {
        int start = pos;
        checkDepth(depth, start);
        int info = u8() & 0x1f;
        if (info == 31) {
            return -1;
        }
        return length(info, start);
    }

    /** Consumes a 'break' if it is next; false (consuming nothing) otherwise. */
    boolean atBreak() throws SenmlException {
        need(1);
        if ((in[pos] & 0xff) == BREAK) {
            pos++;
            return true;
        }
        return false;
    }

    /** A map key of a record: a Long (or BigInteger beyond 64 bits) integer label or a text label. */
    Object readKey() throws SenmlException {
        int major = peekMajorType();
        if (major == UNSIGNED || major == NEGATIVE) {
            return readValue(0);
        }
        if (major == TEXT) {
            return text(pos, Reason.NAME_TOO_LONG, limits.maxNameLength());
        }
        throw errorAt(pos, "a record's map key must be an integer label or a text string, got " + kind(major));
    }

    /**
     * A plain value at nesting level {@code depth}: Long, BigInteger, Double, BigDecimal, String, byte[], Boolean or
     * null. An array or a map is skipped and comes back as a {@link StructuredValue} naming its kind.
     */
    Object readValue(int depth) throws SenmlException {
        int start = pos;
        int major = peekMajorType();
        switch (major) {
            case UNSIGNED, NEGATIVE:
                return integer();
            case BYTES:
                return bytes(start);
            case TEXT:
                return text(start, Reason.STRING_TOO_LONG, limits.maxStringLength());
            case ARRAY, MAP:
                skip(depth);
                return new StructuredValue(major == ARRAY ? "an array" : "a map");
            case TAG:
                return tagged(depth, start);
            default:
                return simpleOrFloat(start);
        }
    }

    /** Skips one data item of any kind at nesting level {@code depth}, checking that it is well-formed. */
    void skip(int depth) throws SenmlException {
        int start = pos;
        int major = peekMajorType();
        switch (major) {
            case UNSIGNED, NEGATIVE -> integer();
            case BYTES -> bytes(start);
            case TEXT -> text(start, Reason.STRING_TOO_LONG, limits.maxStringLength());
            case ARRAY, MAP -> {
                long n = containerHead(depth);
                int perEntry = major == MAP ? 2 : 1;
                for (long i = 0; n < 0 ? !atBreak() : i < n; i++) {
                    for (int j = 0; j < perEntry; j++) {
                        skip(depth + 1);
                    }
                }
            }
            case TAG -> {
                checkDepth(depth, start);
                argument(u8() & 0x1f, start);
                skip(depth + 1);
            }
            default -> simpleOrFloat(start);
        }
    }

    private Object integer() throws SenmlException {
        int start = pos;
        int initial = u8();
        long n = argument(initial & 0x1f, start);
        boolean negative = initial >>> 5 == NEGATIVE;
        if (n >= 0) {
            return negative ? -1 - n : n;
        }
        // Arguments of 2^63 and above: unsigned 64-bit, beyond a Java long.
        BigInteger magnitude = new BigInteger(Long.toUnsignedString(n));
        return negative ? BigInteger.ONE.negate().subtract(magnitude) : magnitude;
    }

    private Object tagged(int depth, int start) throws SenmlException {
        checkDepth(depth, start);
        long tag = argument(u8() & 0x1f, start);
        if (tag == 2 || tag == 3) {
            if (peekMajorType() != BYTES) {
                throw errorAt(start, "tag " + tag + " (bignum) must enclose a byte string");
            }
            int max = limits.maxNumberLength();
            byte[] magnitude = byteString(pos, (long) (max / DIGITS_PER_BYTE),
                    at -> SenmlException.overLimit(Reason.NUMBER_TOO_LONG, "the bignum at byte " + at, max, "digits"));
            BigInteger n = new BigInteger(1, magnitude);
            return tag == 2 ? n : BigInteger.ONE.negate().subtract(n);
        }
        if (tag == 4) {
            return decimalFraction(depth + 1, start);
        }
        throw errorAt(start, "unsupported CBOR tag " + Long.toUnsignedString(tag));
    }

    // Decimal fraction [exponent, mantissa] (RFC 8949 §3.4.4), allowed for SenML numbers (RFC 8428 §6).
    private BigDecimal decimalFraction(int depth, int start) throws SenmlException {
        if (peekMajorType() != ARRAY) {
            throw decimalFractionError(start);
        }
        long n = containerHead(depth);
        Object[] pair = new Object[2];
        int count = 0;
        while (n < 0 ? !atBreak() : count < n) {
            if (count == 2) {
                throw decimalFractionError(start);
            }
            pair[count++] = readValue(depth + 1);
        }
        if (count != 2 || !(pair[0] instanceof Long e) || !(pair[1] instanceof Long || pair[1] instanceof BigInteger)) {
            throw decimalFractionError(start);
        }
        if (e < -Integer.MAX_VALUE || e > Integer.MAX_VALUE) {
            throw errorAt(start, "decimal fraction exponent " + e + " is out of range");
        }
        BigInteger mantissa = pair[1] instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) pair[1];
        return new BigDecimal(mantissa, (int) -e);
    }

    private SenmlException decimalFractionError(int start) {
        return errorAt(start, "tag 4 (decimal fraction) must enclose [exponent, mantissa] integers");
    }

    private Object simpleOrFloat(int start) throws SenmlException {
        int info = u8() & 0x1f;
        return switch (info) {
            case 20 -> Boolean.FALSE;
            case 21 -> Boolean.TRUE;
            case 22 -> null;
            case 25 -> (double) halfToFloat((int) uint(2));
            case 26 -> (double) Float.intBitsToFloat((int) uint(4));
            case 27 -> Double.longBitsToDouble(uint(8));
            case 31 -> throw errorAt(start, "unexpected 'break' where a data item is required");
            default -> throw errorAt(start, "unsupported CBOR simple value " + info);
        };
    }

    // IEEE 754 binary16 to binary32 (RFC 8949 Appendix D).
    private static float halfToFloat(int half) {
        int exp = (half >> 10) & 0x1f;
        int mant = half & 0x3ff;
        float value;
        if (exp == 0) {
            value = (float) (mant * Math.pow(2, -24));
        } else if (exp != 31) {
            value = (float) ((mant + 1024) * Math.pow(2, exp - 25));
        } else {
            value = mant == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        }
        return (half & 0x8000) != 0 ? -value : value;
    }

    /** Builds the exception for a string or bignum over its limit, given the byte offset where it starts. */
    private interface TooLong {
        SenmlException at(int start);
    }

    private byte[] bytes(int start) throws SenmlException {
        int max = limits.maxStringLength();
        return byteString(start, max,
                at -> SenmlException.overLimit(Reason.STRING_TOO_LONG, "the byte string at byte " + at, max, "bytes"));
    }

    private String text(int start, Reason reason, int max) throws SenmlException {
        String what = reason == Reason.NAME_TOO_LONG ? "the label at byte " : "the text string at byte ";
        return textString(start, max, at -> SenmlException.overLimit(reason, what + at, max, "characters"));
    }

    /** A byte string, definite or indefinite (chunks), of at most {@code maxBytes}. */
    private byte[] byteString(int start, long maxBytes, TooLong tooLong) throws SenmlException {
        int info = u8() & 0x1f;
        if (info != 31) {
            int length = length(info, start);
            if (length > maxBytes) {
                throw tooLong.at(start);
            }
            return take(length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (!atBreak()) {
            int chunkStart = pos;
            int initial = u8();
            if (initial >>> 5 != BYTES || (initial & 0x1f) == 31) {
                throw errorAt(chunkStart, "indefinite byte string holds a chunk that is not a definite byte string");
            }
            int length = length(initial & 0x1f, chunkStart);
            if ((long) out.size() + length > maxBytes) {
                throw tooLong.at(start);
            }
            out.writeBytes(take(length));
        }
        return out.toByteArray();
    }

    /** A text string, definite or indefinite (chunks, each valid UTF-8 on its own), of at most {@code maxChars}. */
    private String textString(int start, int maxChars, TooLong tooLong) throws SenmlException {
        int info = u8() & 0x1f;
        StringBuilder out = new StringBuilder();
        if (info != 31) {
            appendUtf8(out, length(info, start), start, maxChars, tooLong);
            return out.toString();
        }
        while (!atBreak()) {
            int chunkStart = pos;
            int initial = u8();
            if (initial >>> 5 != TEXT || (initial & 0x1f) == 31) {
                throw errorAt(chunkStart, "indefinite text string holds a chunk that is not a definite text string");
            }
            appendUtf8(out, length(initial & 0x1f, chunkStart), start, maxChars, tooLong);
        }
        return out.toString();
    }

    private void appendUtf8(StringBuilder out, int length, int start, int maxChars, TooLong tooLong)
            throws SenmlException {
        // UTF-8 takes at most three bytes per UTF-16 char, so a third of the bytes is too long before decoding.
        if (out.length() + (length + 2L) / 3 > maxChars) {
            throw tooLong.at(start);
        }
        out.append(utf8(take(length), start));
        if (out.length() > maxChars) {
            throw tooLong.at(start);
        }
    }

    private String utf8(byte[] raw, int start) throws SenmlException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw errorAt(start, "text string is not valid UTF-8");
        }
    }

    private byte[] take(int length) throws SenmlException {
        need(length);
        byte[] out = Arrays.copyOfRange(in, pos, pos + length);
        pos += length;
        return out;
    }

    /** A definite length; no item is smaller than a byte, so a length beyond the bytes left cannot be right. */
    private int length(int info, int start) throws SenmlException {
        long n = argument(info, start);
        if (n < 0 || n > in.length - pos) {
            throw errorAt(start, "length " + Long.toUnsignedString(n) + " runs past the end of the payload");
        }
        return (int) n;
    }

    private long argument(int info, int start) throws SenmlException {
        if (info < 24) {
            return info;
        }
        return switch (info) {
            case 24 -> uint(1);
            case 25 -> uint(2);
            case 26 -> uint(4);
            case 27 -> uint(8);
            default -> throw errorAt(start, "reserved or indefinite additional information " + info
                    + " where a length or value is required");
        };
    }

    private void checkDepth(int depth, int start) throws SenmlException {
        if (depth > limits.maxDepth()) {
            throw SenmlException.overLimit(Reason.TOO_DEEP, "nesting at byte " + start, limits.maxDepth(), "levels");
        }
    }

    private long uint(int size) throws SenmlException {
        need(size);
        long n = 0;
        for (int i = 0; i < size; i++) {
            n = (n << 8) | (in[pos++] & 0xff);
        }
        return n;
    }

    private int u8() throws SenmlException {
        need(1);
        return in[pos++] & 0xff;
    }

    private void need(int n) throws SenmlException {
        if (n > in.length - pos) {
            throw new SenmlException("malformed CBOR: truncated: needs " + n + " more byte(s) at offset " + pos
                    + " of " + in.length);
        }
    }

    static String kind(int major) {
        return switch (major) {
            case UNSIGNED, NEGATIVE -> "an integer";
            case BYTES -> "a byte string";
            case TEXT -> "a text string";
            case ARRAY -> "an array";
            case MAP -> "a map";
            case TAG -> "a tagged item";
            default -> "a float or simple value";
        };
    }

    SenmlException errorAt(int offset, String message) {
        return new SenmlException("malformed CBOR at byte " + offset + ": " + message);
    }
}
