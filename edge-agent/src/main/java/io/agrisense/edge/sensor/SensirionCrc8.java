package io.agrisense.edge.sensor;

/**
 * The CRC-8 Sensirion puts after every 16-bit word (SHT3x datasheet §4.12, SCD4x datasheet §3.11):
 * polynomial 0x31 (x^8 + x^5 + x^4 + 1), initial value 0xFF, no reflection, no final XOR.
 */
public final class SensirionCrc8 {

    private SensirionCrc8() {
    }

    public static int crc(int msb, int lsb) {
        int crc = 0xFF;
        for (int b : new int[] {msb & 0xFF, lsb & 0xFF}) {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x31) & 0xFF : (crc << 1) & 0xFF;
            }
        }
        return crc;
    }

    /** Appends the CRC to each word: the bytes a Sensirion chip sends. */
    public static byte[] frame(int... words) {
        byte[] out = new byte[words.length * 3];
        for (int i = 0; i < words.length; i++) {
            int msb = (words[i] >> 8) & 0xFF;
            int lsb = words[i] & 0xFF;
            out[3 * i] = (byte) msb;
            out[3 * i + 1] = (byte) lsb;
            out[3 * i + 2] = (byte) crc(msb, lsb);
        }
        return out;
    }

    /** The words of a received frame, each checked against its CRC byte. */
    public static int[] words(byte[] frame, String label) throws SensorException {
        if (frame.length % 3 != 0) {
            throw new SensorException(label + ": frame of " + frame.length + " bytes is not a whole number of words");
        }
        int[] words = new int[frame.length / 3];
        for (int i = 0; i < words.length; i++) {
            int msb = frame[3 * i] & 0xFF;
            int lsb = frame[3 * i + 1] & 0xFF;
            int expected = crc(msb, lsb);
            int received = frame[3 * i + 2] & 0xFF;
            if (expected != received) {
                throw new SensorException(label + String.format(": CRC error in word %d (0x%02X%02X): received 0x%02X, "
                        + "computed 0x%02X", i, msb, lsb, received, expected));
            }
            words[i] = (msb << 8) | lsb;
        }
        return words;
    }
}
