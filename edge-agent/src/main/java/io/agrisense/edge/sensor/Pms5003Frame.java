package io.agrisense.edge.sensor;

/**
 * One 32-byte PMS5003 frame (Plantower PMS5003 manual, appendix I): start characters 0x42 0x4D, frame length 28,
 * thirteen big-endian data words, then a check code equal to the sum of bytes 0..29.
 */
public record Pms5003Frame(int[] data) {

    public static final int LENGTH = 32;
    public static final int START_1 = 0x42;
    public static final int START_2 = 0x4D;
    public static final int FRAME_LENGTH_FIELD = 2 * 13 + 2;

    public Pms5003Frame {
        if (data.length != 13) {
            throw new IllegalArgumentException("a PMS5003 frame has 13 data words, got " + data.length);
        }
        data = data.clone();
    }

    /** Data 4..6: PM1.0, PM2.5 and PM10 under atmospheric environment, µg/m³. */
    public int pm1Atmospheric() {
        return data[3];
    }

    public int pm25Atmospheric() {
        return data[4];
    }

    public int pm10Atmospheric() {
        return data[5];
    }

    /** Sum of bytes 0..29 as a 16-bit value. */
    public static int checksum(byte[] frame, int offset) {
        int sum = 0;
        for (int i = offset; i < offset + LENGTH - 2; i++) {
            sum += frame[i] & 0xFF;
        }
        return sum & 0xFFFF;
    }

    /** Decodes 32 bytes at {@code offset}, or returns null when the header, length or check code is wrong. */
    public static Pms5003Frame decode(byte[] bytes, int offset) {
        if ((bytes[offset] & 0xFF) != START_1 || (bytes[offset + 1] & 0xFF) != START_2
                || word(bytes, offset + 2) != FRAME_LENGTH_FIELD
                || word(bytes, offset + 30) != checksum(bytes, offset)) {
            return null;
        }
        int[] data = new int[13];
        for (int i = 0; i < 13; i++) {
            data[i] = word(bytes, offset + 4 + 2 * i);
        }
        return new Pms5003Frame(data);
    }

    public byte[] encode() {
        byte[] out = new byte[LENGTH];
        out[0] = (byte) START_1;
        out[1] = (byte) START_2;
        out[3] = (byte) FRAME_LENGTH_FIELD;
        for (int i = 0; i < 13; i++) {
            out[4 + 2 * i] = (byte) (data[i] >> 8);
            out[5 + 2 * i] = (byte) data[i];
        }
        int sum = checksum(out, 0);
        out[30] = (byte) (sum >> 8);
        out[31] = (byte) sum;
        return out;
    }

    static int word(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
    }
}
