package io.agrisense.edge.sensor;

/**
 * Bosch's fixed-point compensation formulas (BME280 datasheet §4.2.3 and §8.2): 32-bit temperature and humidity,
 * 64-bit pressure. Java's int and long wrap exactly like the datasheet's BME280_S32_t and BME280_S64_t.
 */
public final class Bme280Compensation {

    /** Data registers read back 0x80000 (0x8000 for humidity) when a measurement was skipped (§5.4.7-5.4.9). */
    public static final int SKIPPED_20BIT = 0x80000;
    public static final int SKIPPED_16BIT = 0x8000;

    private Bme280Compensation() {
    }

    /** Fine temperature shared by the pressure and humidity formulas (§4.2.3, BME280_compensate_T_int32). */
    public static int tFine(int adcT, Bme280Calibration c) {
        int var1 = ((((adcT >> 3) - (c.digT1() << 1))) * c.digT2()) >> 11;
        int var2 = (((((adcT >> 4) - c.digT1()) * ((adcT >> 4) - c.digT1())) >> 12) * c.digT3()) >> 14;
        return var1 + var2;
    }

    /** Temperature in °C with 0.01 °C resolution. */
    public static double celsius(int tFine) {
        return ((tFine * 5 + 128) >> 8) / 100.0;
    }

    /** Pressure in Pa (Q24.8 from BME280_compensate_P_int64); NaN when the calibration makes it undefined. */
    public static double pascal(int adcP, int tFine, Bme280Calibration c) {
        long var1 = ((long) tFine) - 128000;
        long var2 = var1 * var1 * c.digP6();
        var2 = var2 + ((var1 * c.digP5()) << 17);
        var2 = var2 + (((long) c.digP4()) << 35);
        var1 = ((var1 * var1 * c.digP3()) >> 8) + ((var1 * c.digP2()) << 12);
        var1 = ((((1L) << 47) + var1)) * c.digP1() >> 33;
        if (var1 == 0) {
            return Double.NaN; // the datasheet's guard against division by zero
        }
        long p = 1048576 - adcP;
        p = (((p << 31) - var2) * 3125) / var1;
        var1 = (((long) c.digP9()) * (p >> 13) * (p >> 13)) >> 25;
        var2 = (((long) c.digP8()) * p) >> 19;
        p = ((p + var1 + var2) >> 8) + (((long) c.digP7()) << 4);
        return p / 256.0;
    }

    /** Relative humidity in %RH (Q22.10 from BME280_compensate_H_int32). */
    public static double relativeHumidity(int adcH, int tFine, Bme280Calibration c) {
        int v = tFine - 76800;
        v = (((((adcH << 14) - (c.digH4() << 20) - (c.digH5() * v)) + 16384) >> 15)
                * (((((((v * c.digH6()) >> 10) * (((v * c.digH3()) >> 11) + 32768)) >> 10) + 2097152)
                * c.digH2() + 8192) >> 14));
        v = v - (((((v >> 15) * (v >> 15)) >> 7) * c.digH1()) >> 4);
        v = Math.max(v, 0);
        v = Math.min(v, 419430400);
        return (v >> 12) / 1024.0;
    }

    /** adc_P, adc_T, adc_H from the 8 data bytes of registers 0xF7..0xFE (§5.4.7-5.4.9). */
    public static int adcPressure(byte[] data) {
        return ((data[0] & 0xFF) << 12) | ((data[1] & 0xFF) << 4) | ((data[2] & 0xFF) >> 4);
    }

    public static int adcTemperature(byte[] data) {
        return ((data[3] & 0xFF) << 12) | ((data[4] & 0xFF) << 4) | ((data[5] & 0xFF) >> 4);
    }

    public static int adcHumidity(byte[] data) {
        return ((data[6] & 0xFF) << 8) | (data[7] & 0xFF);
    }
}
