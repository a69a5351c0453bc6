package io.agrisense.protocol.senml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small CBOR (RFC 8949) reader for SenML packs: the data items SenML uses, definite and indefinite lengths,
 * half/single/double floats and decimal fractions (tag 4). Every error names the byte offset.
 */
final class CborReader {

    private static final int MAX_DEPTH = 8;
    private static final Object BREAK = new Object();

    private final byte[] in;
    private int pos;

    CborReader(byte[] in) {
        this.in = in;
    }

    int position() {
        return pos;
    }

    boolean atEnd() {
        return pos >= in.length;
    }

    /** Map keys keep their CBOR type: Long for integers, String for text. */
    Object read() throws SenmlException {
        return read(0);
    }

    private Object read(int depth) throws SenmlException {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
        int start = pos;
        int initial = u8();
        int major = initial >>> 5;
        int info = initial & 0x1f;
        switch (major) {
            case 0:
                return unsigned(argument(info), start);
            case 1: {
                long n = argument(info);
                if (n < 0) {
                    throw errorAt(start, "negative integer beyond the 64-bit range");
                }
                return -1 - n;
            }
            case 2:
                return info == 31 ? indefiniteBytes(start) : bytes(length(info, start));
            case 3:
                return info == 31 ? indefiniteText(start) : text(length(info, start), start);
            case 4: {
                List<Object> items = new ArrayList<>();
                if (info == 31) {
                    Object item;
                    while ((item = read(depth + 1)) != BREAK) {
                        items.add(item);
                    }
                } else {
                    int n = length(info, start);
                    for (int i = 0; i < n; i++) {
                        items.add(noBreak(read(depth + 1), start));
                    }
                }
                return items;
            }
            case 5: {
                Map<Object, Object> map = new LinkedHashMap<>();
                if (info == 31) {
                    Object key;
                    while ((key = read(depth + 1)) != BREAK) {
                        putUnique(map, key, noBreak(read(depth + 1), start), start);
                    }
                } else {
                    int n = length(info, start);
                    for (int i = 0; i < n; i++) {
                        Object key = noBreak(read(depth + 1), start);
                        putUnique(map, key, noBreak(read(depth + 1), start), start);
                    }
                }
                return map;
            }
            case 6:
                return tagged(argument(info), depth, start);
            default:
                return simpleOrFloat(info, start);
        }
    }

    private Object tagged(long tag, int depth, int start) throws SenmlException {
        Object content = read(depth + 1);
        if (tag == 4) {
            // Decimal fraction [exponent, mantissa] (RFC 8949 §3.4.4), allowed for SenML numbers (RFC 8428 §6).
            if (content instanceof List<?> pair && pair.size() == 2 && pair.get(0) instanceof Long exponent
                    && (pair.get(1) instanceof Long || pair.get(1) instanceof BigInteger)) {
                BigInteger mantissa = pair.get(1) instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) pair.get(1);
                return new BigDecimal(mantissa, (int) -exponent);
            }
            throw errorAt(start, "tag 4 (decimal fraction) must enclose [exponent, mantissa] integers");
        }
        if (tag == 2 || tag == 3) {
            if (content instanceof byte[] magnitude) {
                BigInteger n = new BigInteger(1, magnitude);
                return tag == 2 ? n : BigInteger.valueOf(-1).subtract(n);
            }
            throw errorAt(start, "tag " + tag + " (bignum) must enclose a byte string");
        }
        throw errorAt(start, "unsupported CBOR tag " + tag);
    }

    private Object simpleOrFloat(int info, int start) throws SenmlException {
        switch (info) {
            case 20:
                return Boolean.FALSE;
            case 21:
                return Boolean.TRUE;
            case 22:
                return null;
            case 25:
                return (double) halfToFloat((int) uint(2));
            case 26:
                return (double) Float.intBitsToFloat((int) uint(4));
            case 27:
                return Double.longBitsToDouble(uint(8));
            case 31:
                return BREAK;
            default:
                throw errorAt(start, "unsupported CBOR simple value " + info);
        }
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

    private static Object unsigned(long n, int start) {
        return n >= 0 ? (Object) n : new BigInteger(Long.toUnsignedString(n));
    }

    private void putUnique(Map<Object, Object> map, Object key, Object value, int start) throws SenmlException {
        if (map.containsKey(key)) {
            throw errorAt(start, "map has the key " + key + " twice");
        }
        map.put(key, value);
    }

    private Object noBreak(Object item, int start) throws SenmlException {
        if (item == BREAK) {
            throw errorAt(start, "unexpected 'break' inside a definite-length item");
        }
        return item;
    }

    private byte[] indefiniteBytes(int start) throws SenmlException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (true) {
            int chunkStart = pos;
            int initial = u8();
            if (initial == 0xff) {
                return out.toByteArray();
            }
            if (initial >>> 5 != 2 || (initial & 0x1f) == 31) {
                throw errorAt(chunkStart, "indefinite byte string holds a chunk that is not a definite byte string");
            }
            out.writeBytes(bytes(length(initial & 0x1f, chunkStart)));
        }
    }

    private String indefiniteText(int start) throws SenmlException {
        StringBuilder out = new StringBuilder();
        while (true) {
            int chunkStart = pos;
            int initial = u8();
            if (initial == 0xff) {
                return out.toString();
            }
            if (initial >>> 5 != 3 || (initial & 0x1f) == 31) {
                throw errorAt(chunkStart, "indefinite text string holds a chunk that is not a definite text string");
            }
            out.append(text(length(initial & 0x1f, chunkStart), chunkStart));
        }
    }

    private byte[] bytes(int length) throws SenmlException {
        need(length);
        byte[] out = java.util.Arrays.copyOfRange(in, pos, pos + length);
        pos += length;
        return out;
    }

    private String text(int length, int start) throws SenmlException {
        byte[] raw = bytes(length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw errorAt(start, "text string is not valid UTF-8");
        }
    }

    private int length(int info, int start) throws SenmlException {
        long n = argument(info);
        if (n < 0 || n > in.length - pos) {
            throw errorAt(start, "length " + Long.toUnsignedString(n) + " runs past the end of the payload");
        }
        return (int) n;
    }

    private long argument(int info) throws SenmlException {
        if (info < 24) {
            return info;
        }
        return switch (info) {
            case 24 -> uint(1);
            case 25 -> uint(2);
            case 26 -> uint(4);
            case 27 -> uint(8);
            default -> throw errorAt(pos - 1, "reserved or indefinite additional information " + info
                    + " where a length or value is required");
        };
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
        if (n < 0 || pos + n > in.length) {
            throw error("truncated: needs " + n + " more byte(s) at offset " + pos + " of " + in.length);
        }
    }

    private SenmlException error(String message) {
        return new SenmlException("malformed CBOR: " + message);
    }

    private SenmlException errorAt(int offset, String message) {
        return new SenmlException("malformed CBOR at byte " + offset + ": " + message);
    }
}
