package io.agrisense.edge.sim;

import static io.agrisense.protocol.MetricCatalogue.AIR_PRESSURE;
import static io.agrisense.protocol.MetricCatalogue.AIR_TEMPERATURE;
import static io.agrisense.protocol.MetricCatalogue.RELATIVE_HUMIDITY;

import io.agrisense.edge.sensor.Bme280Calibration;
import io.agrisense.edge.sensor.Bme280Compensation;
import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * A BME280 register map. Its trimming parameters are the datasheet's example values; a forced-mode write to
 * ctrl_meas converts the modelled temperature, humidity and pressure into the adc_T, adc_P and adc_H that Bosch's
 * compensation turns back into them (found by bisection on the compensation formulas, which are monotonic).
 */
final class SimBme280 implements SimI2cChip {

    static final Bme280Calibration TRIMMING = new Bme280Calibration(27504, 26435, -1000,
            36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000,
            75, 362, 0, 313, 50, 30);

    private final SensorSignal signal;
    private final String label;
    private final byte[] registers = new byte[256];
    private int pointer;

    SimBme280(SensorSignal signal, String label) {
        this.signal = signal;
        this.label = label;
        reset();
    }

    private void reset() {
        Arrays.fill(registers, (byte) 0);
        registers[0xD0] = 0x60;
        System.arraycopy(TRIMMING.block1(), 0, registers, Bme280Calibration.BLOCK1_START, Bme280Calibration.BLOCK1_LENGTH);
        System.arraycopy(TRIMMING.block2(), 0, registers, Bme280Calibration.BLOCK2_START, Bme280Calibration.BLOCK2_LENGTH);
        // data registers after reset hold the "skipped" pattern 0x80000 / 0x8000 (datasheet table 18)
        byte[] skipped = {(byte) 0x80, 0, 0, (byte) 0x80, 0, 0, (byte) 0x80, 0};
        System.arraycopy(skipped, 0, registers, 0xF7, skipped.length);
    }

    @Override
    public synchronized void write(byte[] data) {
        if (signal.disconnected()) {
            throw SimI2cChip.nack(label);
        }
        pointer = data[0] & 0xFF;
        // register writes are (address, value) pairs (datasheet §6.2.1)
        for (int i = 0; i + 1 < data.length; i += 2) {
            int register = data[i] & 0xFF;
            int value = data[i + 1] & 0xFF;
            if (register == 0xE0 && value == 0xB6) {
                reset();
            } else if (register >= 0xF2 && register <= 0xF5) {
                registers[register] = (byte) value;
                if (register == 0xF4 && (value & 0b11) != 0) {
                    convert();
                    registers[0xF4] = (byte) (value & ~0b11); // forced mode returns to sleep
                }
            }
        }
    }

    @Override
    public synchronized byte[] read(int length) {
        if (signal.disconnected()) {
            throw SimI2cChip.nack(label);
        }
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = registers[(pointer + i) & 0xFF];
        }
        return out;
    }

    private void convert() {
        double[] v = signal.sample(AIR_TEMPERATURE, RELATIVE_HUMIDITY, AIR_PRESSURE);
        int adcT = avoid(adcTemperatureFor(v[0]), Bme280Compensation.SKIPPED_20BIT);
        int tFine = Bme280Compensation.tFine(adcT, TRIMMING);
        int adcP = avoid(adcPressureFor(v[2], tFine), Bme280Compensation.SKIPPED_20BIT);
        int adcH = avoid(adcHumidityFor(v[1], tFine), Bme280Compensation.SKIPPED_16BIT);
        registers[0xF7] = (byte) (adcP >> 12);
        registers[0xF8] = (byte) (adcP >> 4);
        registers[0xF9] = (byte) ((adcP & 0x0F) << 4);
        registers[0xFA] = (byte) (adcT >> 12);
        registers[0xFB] = (byte) (adcT >> 4);
        registers[0xFC] = (byte) ((adcT & 0x0F) << 4);
        registers[0xFD] = (byte) (adcH >> 8);
        registers[0xFE] = (byte) adcH;
    }

    static int adcTemperatureFor(double celsius) {
        return bisect(0, 0xFFFFF, adc -> Bme280Compensation.celsius(Bme280Compensation.tFine(adc, TRIMMING)), celsius, true);
    }

    static int adcPressureFor(double pascal, int tFine) {
        return bisect(0, 0xFFFFF, adc -> Bme280Compensation.pascal(adc, tFine, TRIMMING), pascal, false);
    }

    static int adcHumidityFor(double relativeHumidity, int tFine) {
        return bisect(0, 0xFFFF, adc -> Bme280Compensation.relativeHumidity(adc, tFine, TRIMMING), relativeHumidity, true);
    }

    /** The input in [lo, hi] whose output is closest to the target, for a monotonic function. */
    static int bisect(int lo, int hi, IntToDoubleFunction f, double target, boolean increasing) {
        int a = lo;
        int b = hi;
        while (a < b) {
            int mid = (a + b) >>> 1;
            double y = f.applyAsDouble(mid);
            if (increasing ? y < target : y > target) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        if (a > lo && Math.abs(f.applyAsDouble(a - 1) - target) < Math.abs(f.applyAsDouble(a) - target)) {
            return a - 1;
        }
        return a;
    }

    private static int avoid(int adc, int sentinel) {
        return adc == sentinel ? adc + 1 : adc;
    }
}
