package io.agrisense.edge.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class Bme280CompensationTest {

    /** Datasheet §8 example trimming: dig_T1..T3, dig_P1..P9; humidity values typical of production chips. */
    static final Bme280Calibration DATASHEET = new Bme280Calibration(27504, 26435, -1000,
            36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000,
            75, 362, 0, 313, 50, 30);

    @Test
    void temperatureMatchesTheDatasheetExample() {
        int tFine = Bme280Compensation.tFine(519888, DATASHEET);

        assertThat(tFine).isEqualTo(128422);
        assertThat(Bme280Compensation.celsius(tFine)).isEqualTo(25.08);
    }

    @Test
    void pressureMatchesTheDatasheetExampleWithTheInt64Formula() {
        int tFine = Bme280Compensation.tFine(519888, DATASHEET);

        // §8.2: 25767233 / 256 = 100653.25 Pa (the floating-point formula of §8.1 gives 100653.27 Pa)
        assertThat(Bme280Compensation.pascal(415148, tFine, DATASHEET)).isEqualTo(25767233 / 256.0);
    }

    @Test
    void humidityAgreesWithTheDatasheetFloatingPointFormula() {
        int tFine = Bme280Compensation.tFine(519888, DATASHEET);
        for (int adcH : new int[] {20000, 27000, 30000, 34000}) {
            assertThat(Bme280Compensation.relativeHumidity(adcH, tFine, DATASHEET))
                    .as("adc_H %d", adcH)
                    .isCloseTo(floatingPointHumidity(adcH, tFine, DATASHEET), within(0.01));
        }
    }

    @Test
    void humidityIsClampedTo0And100() {
        int tFine = Bme280Compensation.tFine(519888, DATASHEET);

        assertThat(Bme280Compensation.relativeHumidity(0, tFine, DATASHEET)).isZero();
        assertThat(Bme280Compensation.relativeHumidity(65535, tFine, DATASHEET)).isEqualTo(100.0);
    }

    @Test
    void pressureIsUndefinedWhenDigP1IsZero() {
        Bme280Calibration broken = new Bme280Calibration(27504, 26435, -1000, 0, -10685, 3024, 2855, 140, -7, 15500,
                -14600, 6000, 75, 362, 0, 313, 50, 30);

        assertThat(Bme280Compensation.pascal(415148, 128422, broken)).isNaN();
    }

    @Test
    void parsesTrimmingRegistersIncludingTheSharedNibblesOfDigH4AndDigH5() {
        byte[] block1 = new byte[26];
        block1[0] = 0x70; // dig_T1 = 0x6B70 = 27504, LSB first
        block1[1] = 0x6B;
        block1[2] = 0x43; // dig_T2 = 0x6743 = 26435
        block1[3] = 0x67;
        block1[4] = 0x18; // dig_T3 = 0xFC18 = -1000
        block1[5] = (byte) 0xFC;
        block1[25] = 75; // dig_H1 at 0xA1
        byte[] block2 = {
            0x6A, 0x01,         // dig_H2 = 0x016A = 362
            0x00,               // dig_H3
            0x14, 0x23, 0x01,   // 0xE4..0xE6: dig_H4 = 0x14 << 4 | 0x3 = 323, dig_H5 = 0x01 << 4 | 0x2 = 18
            (byte) 0xE2         // dig_H6 = -30
        };

        Bme280Calibration c = Bme280Calibration.parse(block1, block2);

        assertThat(c.digT1()).isEqualTo(27504);
        assertThat(c.digT2()).isEqualTo(26435);
        assertThat(c.digT3()).isEqualTo(-1000);
        assertThat(c.digH1()).isEqualTo(75);
        assertThat(c.digH2()).isEqualTo(362);
        assertThat(c.digH4()).isEqualTo(323);
        assertThat(c.digH5()).isEqualTo(18);
        assertThat(c.digH6()).isEqualTo(-30);
    }

    @Test
    void signedDigH4AndDigH5SurviveTheRegisterRoundTrip() {
        Bme280Calibration negative = new Bme280Calibration(27504, 26435, -1000, 36477, -10685, 3024, 2855, 140, -7,
                15500, -14600, 6000, 75, -362, 12, -313, -50, -30);

        assertThat(Bme280Calibration.parse(negative.block1(), negative.block2())).isEqualTo(negative);
        assertThat(Bme280Calibration.parse(DATASHEET.block1(), DATASHEET.block2())).isEqualTo(DATASHEET);
    }

    @Test
    void extractsTheAdcValuesFromTheDataRegisters() {
        // 0xF7..0xFE: press 0x65 0x5A 0xC0, temp 0x7E 0xED 0x00, hum 0x6A 0x5E
        byte[] data = {0x65, 0x5A, (byte) 0xC0, 0x7E, (byte) 0xED, 0x00, 0x6A, 0x5E};

        assertThat(Bme280Compensation.adcPressure(data)).isEqualTo(0x655AC);
        assertThat(Bme280Compensation.adcTemperature(data)).isEqualTo(0x7EED0);
        assertThat(Bme280Compensation.adcHumidity(data)).isEqualTo(0x6A5E);
    }

    /** BME280 datasheet §8.1, compensate_H_double. */
    private static double floatingPointHumidity(int adcH, int tFine, Bme280Calibration c) {
        double h = tFine - 76800.0;
        h = (adcH - (c.digH4() * 64.0 + c.digH5() / 16384.0 * h))
                * (c.digH2() / 65536.0 * (1.0 + c.digH6() / 67108864.0 * h * (1.0 + c.digH3() / 67108864.0 * h)));
        h = h * (1.0 - c.digH1() * h / 524288.0);
        return Math.max(0, Math.min(100, h));
    }
}
