package io.agrisense.protocol.senml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A small CBOR writer for SenML: definite lengths, and each number in the shortest form that converts back to
 * exactly the same double (RFC 8428 §6): integer, half, single or double precision.
 */
final class CborWriter {

    private final ByteArrayOutputStream out;

    CborWriter(int sizeHint) {
        out = new ByteArrayOutputStream(sizeHint);
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    void arrayHeader(int size) {
        head(4, size);
    }

    void mapHeader(int size) {
        head(5, size);
    }

    void integer(long n) {
        if (n >= 0) {
            head(0, n);
        } else {
            head(1, -1 - n);
        }
    }

    void text(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        head(3, utf8.length);
        out.writeBytes(utf8);
    }

    void bytes(byte[] data) {
        head(2, data.length);
        out.writeBytes(data);
    }

    void bool(boolean b) {
        out.write(b ? 0xf5 : 0xf4);
    }

    void number(double d) {
        if (d == Math.rint(d) && Math.abs(d) <= 9.007199254740992E15 && !(d == 0 && 1 / d < 0)) {
            integer((long) d);
            return;
        }
        float f = (float) d;
        if (f == d) {
            int half = floatToHalf(f);
            if (half >= 0 && halfToDouble(half) == d) {
                out.write(0xf9);
                out.write(half >>> 8);
                out.write(half);
                return;
            }
            out.write(0xfa);
            int bits = Float.floatToIntBits(f);
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write(bits >>> shift);
            }
            return;
        }
        out.write(0xfb);
        long bits = Double.doubleToLongBits(d);
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (bits >>> shift));
        }
    }

    /** The binary16 bits of a float when it has an exact half-precision form (normal numbers only), else -1. */
    private static int floatToHalf(float f) {
        int bits = Float.floatToIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = ((bits >>> 23) & 0xff) - 127;
        int mant = bits & 0x7fffff;
        if (exp < -14 || exp > 15 || (mant & 0x1fff) != 0) {
            return -1;
        }
        return sign | ((exp + 15) << 10) | (mant >>> 13);
    }

    private static double halfToDouble(int half) {
        int exp = (half >> 10) & 0x1f;
        int mant = half & 0x3ff;
        double value = (mant + 1024) * Math.pow(2, exp - 25);
        return (half & 0x8000) != 0 ? -value : value;
    }

    private void head(int major, long argument) {
        int type = major << 5;
        if (argument < 24) {
            out.write(type | (int) argument);
        } else if (argument < 0x100) {
            out.write(type | 24);
            out.write((int) argument);
        } else if (argument < 0x10000) {
            out.write(type | 25);
            out.write((int) (argument >>> 8));
            out.write((int) argument);
        } else if (argument < 0x100000000L) {
            out.write(type | 26);
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write((int) (argument >>> shift));
            }
        } else {
            out.write(type | 27);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (argument >>> shift));
            }
        }
    }
}
