package io.agrisense.edge.sensor;

/**
 * The Dallas/Maxim 1-Wire CRC-8, polynomial x^8 + x^5 + x^4 + 1, shifted LSB first (0x8C reflected), initial value 0
 * (DS18B20 datasheet "CRC generation", Maxim application note 27).
 */
public final class DallasCrc8 {

    private DallasCrc8() {
    }

    public static int crc(byte[] data, int offset, int length) {
        int crc = 0;
        for (int i = offset; i < offset + length; i++) {
            int b = data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                boolean mix = ((crc ^ b) & 0x01) != 0;
                crc >>= 1;
                if (mix) {
                    crc ^= 0x8C;
                }
                b >>= 1;
            }
        }
        return crc;
    }
}
