package io.agrisense.edge.sensor;

/**
 * The trimming parameters a BME280 stores in its NVM (datasheet §4.2.2, table 16): registers 0x88..0xA1 hold
 * dig_T1..dig_P9 and dig_H1, registers 0xE1..0xE7 hold dig_H2..dig_H6 (dig_H4 and dig_H5 are 12-bit values sharing
 * register 0xE5).
 */
public record Bme280Calibration(int digT1, int digT2, int digT3,
                                int digP1, int digP2, int digP3, int digP4, int digP5,
                                int digP6, int digP7, int digP8, int digP9,
                                int digH1, int digH2, int digH3, int digH4, int digH5, int digH6) {

    /** Bytes read from 0x88 (26 bytes, up to 0xA1). */
    public static final int BLOCK1_START = 0x88;
    public static final int BLOCK1_LENGTH = 26;
    /** Bytes read from 0xE1 (7 bytes, up to 0xE7). */
    public static final int BLOCK2_START = 0xE1;
    public static final int BLOCK2_LENGTH = 7;

    /** Parses both register blocks; little-endian words, signedness as in datasheet table 16. */
    public static Bme280Calibration parse(byte[] block1, byte[] block2) {
        if (block1.length != BLOCK1_LENGTH || block2.length != BLOCK2_LENGTH) {
            throw new IllegalArgumentException("BME280 calibration needs 26 + 7 bytes, got "
                    + block1.length + " + " + block2.length);
        }
        return new Bme280Calibration(
                u16(block1, 0), s16(block1, 2), s16(block1, 4),
                u16(block1, 6), s16(block1, 8), s16(block1, 10), s16(block1, 12), s16(block1, 14),
                s16(block1, 16), s16(block1, 18), s16(block1, 20), s16(block1, 22),
                block1[25] & 0xFF,
                s16(block2, 0),
                block2[2] & 0xFF,
                (block2[3] << 4) | (block2[4] & 0x0F),
                (block2[5] << 4) | ((block2[4] & 0xFF) >> 4),
                block2[6]);
    }

    /** The register contents that {@link #parse} reads back into this record; used by the simulated chip. */
    public byte[] block1() {
        byte[] b = new byte[BLOCK1_LENGTH];
        int[] words = {digT1, digT2, digT3, digP1, digP2, digP3, digP4, digP5, digP6, digP7, digP8, digP9};
        for (int i = 0; i < words.length; i++) {
            b[2 * i] = (byte) words[i];
            b[2 * i + 1] = (byte) (words[i] >> 8);
        }
        b[24] = 0;
        b[25] = (byte) digH1;
        return b;
    }

    public byte[] block2() {
        return new byte[] {
            (byte) digH2, (byte) (digH2 >> 8),
            (byte) digH3,
            (byte) (digH4 >> 4),
            (byte) ((digH4 & 0x0F) | ((digH5 & 0x0F) << 4)),
            (byte) (digH5 >> 4),
            (byte) digH6
        };
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8);
    }

    private static int s16(byte[] b, int i) {
        return (short) u16(b, i);
    }
}
