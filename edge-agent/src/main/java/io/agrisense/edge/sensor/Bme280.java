package io.agrisense.edge.sensor;

import static io.agrisense.protocol.MetricCatalogue.AIR_PRESSURE;
import static io.agrisense.protocol.MetricCatalogue.AIR_TEMPERATURE;
import static io.agrisense.protocol.MetricCatalogue.RELATIVE_HUMIDITY;

import com.pi4j.context.Context;
import java.time.Duration;
import java.util.List;

/**
 * Bosch BME280 on I2C (0x76 with SDO to GND, 0x77 with SDO to VDDIO): temperature, humidity, pressure. Each read
 * triggers one forced-mode conversion with 1x oversampling and the IIR filter off, the weather-monitoring setting of
 * datasheet §3.5.1.
 */
public final class Bme280 implements Sensor {

    public static final int DEFAULT_ADDRESS = 0x76;
    public static final int CHIP_ID = 0x60;

    static final int REG_CHIP_ID = 0xD0;
    static final int REG_CTRL_HUM = 0xF2;
    static final int REG_STATUS = 0xF3;
    static final int REG_CTRL_MEAS = 0xF4;
    static final int REG_CONFIG = 0xF5;
    static final int REG_DATA = 0xF7;
    /** osrs_t = 1x, osrs_p = 1x, mode = forced (§5.4.5). */
    static final int CTRL_MEAS_FORCED_1X = 0b001_001_01;
    static final int STATUS_MEASURING = 0x08;

    private final String name;
    private final I2cDevice device;
    private final DeviceTiming timing;
    private Bme280Calibration calibration;

    /** Temperature in °C, relative humidity in %RH, pressure in Pa. */
    public record Measurement(double celsius, double relativeHumidity, double pascal) {
    }

    public Bme280(String name, Context pi4j, int bus, int address, DeviceTiming timing) {
        this.name = name;
        this.device = new I2cDevice(pi4j, "BME280", name, bus, address);
        this.timing = timing;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<SensorReading> read() throws SensorException {
        Measurement m = measure();
        return List.of(new SensorReading(AIR_TEMPERATURE, m.celsius()),
                new SensorReading(RELATIVE_HUMIDITY, m.relativeHumidity()),
                new SensorReading(AIR_PRESSURE, m.pascal()));
    }

    public synchronized Measurement measure() throws SensorException {
        try {
            return forcedMeasurement();
        } catch (SensorException e) {
            calibration = null; // read the chip id and trimming again after a failure: the chip may have been swapped
            throw e;
        }
    }

    private Measurement forcedMeasurement() throws SensorException {
        Bme280Calibration c = calibration();
        device.writeRegister(REG_CTRL_HUM, (byte) 0x01); // osrs_h = 1x; takes effect with the ctrl_meas write (§5.4.3)
        device.writeRegister(REG_CTRL_MEAS, (byte) CTRL_MEAS_FORCED_1X);
        // 1x/1x/1x needs at most 9.3 ms (§9.1)
        DeviceTiming.pause(timing, Duration.ofMillis(10), "the BME280 conversion");
        int polls = 0;
        while ((device.readRegister(REG_STATUS, 1)[0] & STATUS_MEASURING) != 0) {
            if (++polls > 10) {
                throw new SensorException(device.label() + ": conversion did not finish within 30 ms");
            }
            DeviceTiming.pause(timing, Duration.ofMillis(2), "the BME280 conversion");
        }
        byte[] data = device.readRegister(REG_DATA, 8);
        int adcP = Bme280Compensation.adcPressure(data);
        int adcT = Bme280Compensation.adcTemperature(data);
        int adcH = Bme280Compensation.adcHumidity(data);
        if (adcT == Bme280Compensation.SKIPPED_20BIT || adcP == Bme280Compensation.SKIPPED_20BIT
                || adcH == Bme280Compensation.SKIPPED_16BIT) {
            throw new SensorException(device.label() + ": data registers hold the 'measurement skipped' value "
                    + String.format("(adc_T=0x%05X adc_P=0x%05X adc_H=0x%04X)", adcT, adcP, adcH));
        }
        int tFine = Bme280Compensation.tFine(adcT, c);
        double pascal = Bme280Compensation.pascal(adcP, tFine, c);
        if (Double.isNaN(pascal)) {
            throw new SensorException(device.label() + ": trimming parameters make pressure undefined (dig_P1 = "
                    + c.digP1() + ")");
        }
        return new Measurement(Bme280Compensation.celsius(tFine),
                Bme280Compensation.relativeHumidity(adcH, tFine, c), pascal);
    }

    private Bme280Calibration calibration() throws SensorException {
        if (calibration == null) {
            int id = device.readRegister(REG_CHIP_ID, 1)[0] & 0xFF;
            if (id != CHIP_ID) {
                throw new SensorException(device.label() + ": chip id is " + String.format("0x%02X", id)
                        + ", expected 0x60 for a BME280" + (id == 0x58 ? " (0x58 is a BMP280, which has no humidity sensor)" : ""));
            }
            byte[] block1 = device.readRegister(Bme280Calibration.BLOCK1_START, Bme280Calibration.BLOCK1_LENGTH);
            byte[] block2 = device.readRegister(Bme280Calibration.BLOCK2_START, Bme280Calibration.BLOCK2_LENGTH);
            device.writeRegister(REG_CONFIG, (byte) 0x00); // IIR filter off, written in sleep mode (§5.4.6)
            calibration = Bme280Calibration.parse(block1, block2);
        }
        return calibration;
    }

    @Override
    public void close() {
        device.close();
    }
}
