package io.agrisense.edge.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class W1SlaveTest {

    @Test
    void dallasCrcMatchesApplicationNote27() {
        // AN27 example ROM code: family 0x02, serial 0x1C B8 01 00 00 00, CRC 0xA2
        byte[] rom = {0x02, 0x1C, (byte) 0xB8, 0x01, 0x00, 0x00, 0x00};

        assertThat(DallasCrc8.crc(rom, 0, rom.length)).isEqualTo(0xA2);
    }

    @Test
    void temperatureRegisterFollowsTable1() {
        byte twelveBit = 0x7F;
        assertThat(W1Slave.fromRaw(0x07D0, twelveBit)).isEqualTo(125.0);
        assertThat(W1Slave.fromRaw(0x0191, twelveBit)).isEqualTo(25.0625);
        assertThat(W1Slave.fromRaw(0x00A2, twelveBit)).isEqualTo(10.125);
        assertThat(W1Slave.fromRaw(0x0008, twelveBit)).isEqualTo(0.5);
        assertThat(W1Slave.fromRaw((short) 0xFFF8, twelveBit)).isEqualTo(-0.5);
        assertThat(W1Slave.fromRaw((short) 0xFF5E, twelveBit)).isEqualTo(-10.125);
        assertThat(W1Slave.fromRaw((short) 0xFE6F, twelveBit)).isEqualTo(-25.0625);
        assertThat(W1Slave.fromRaw((short) 0xFC90, twelveBit)).isEqualTo(-55.0);
        // at 9-bit resolution bits 2..0 are undefined
        assertThat(W1Slave.fromRaw(0x0197, (byte) 0x1F)).isEqualTo(25.0);
    }

    @Test
    void readsAGoodFile() throws SensorException {
        String text = "72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n72 01 4b 46 7f ff 0e 10 57 t=23125\n";

        assertThat(W1Slave.celsius(text, "probe")).isEqualTo(23.125);
    }

    @Test
    void readsANegativeTemperature() throws SensorException {
        byte[] pad = scratchpad(0x5E, 0xFF);

        assertThat(W1Slave.celsius(W1Slave.render(pad, true, -10125), "probe")).isEqualTo(-10.125);
    }

    @Test
    void rejectsTheKernelsCrcNo() {
        String text = "72 01 4b 46 7f ff 0e 10 57 : crc=57 NO\n72 01 4b 46 7f ff 0e 10 57 t=23125\n";

        assertThatThrownBy(() -> W1Slave.celsius(text, "DS18B20 'pond'"))
                .isInstanceOf(SensorException.class).hasMessageContaining("DS18B20 'pond'").hasMessageContaining("crc=57 NO");
    }

    @Test
    void rejectsAScratchpadWhoseCrcByteIsWrongEvenIfTheKernelSaidYes() {
        String text = "72 01 4b 46 7f ff 0e 10 58 : crc=58 YES\n72 01 4b 46 7f ff 0e 10 58 t=23125\n";

        assertThatThrownBy(() -> W1Slave.celsius(text, "probe")).hasMessageContaining("CRC mismatch");
    }

    @Test
    void rejectsThePowerOnResetValue() {
        byte[] pad = scratchpad(0x50, 0x05);

        assertThatThrownBy(() -> W1Slave.celsius(W1Slave.render(pad, true, 85000), "probe"))
                .hasMessageContaining("85 °C power-on reset");
    }

    @Test
    void rejectsAnAllZeroScratchpadFromAShortedLine() {
        String text = "00 00 00 00 00 00 00 00 00 : crc=00 YES\n00 00 00 00 00 00 00 00 00 t=0\n";

        assertThatThrownBy(() -> W1Slave.celsius(text, "probe")).hasMessageContaining("shorted");
    }

    @Test
    void rejectsATemperatureThatDisagreesWithTheScratchpad() {
        String text = "72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n72 01 4b 46 7f ff 0e 10 57 t=33125\n";

        assertThatThrownBy(() -> W1Slave.celsius(text, "probe")).hasMessageContaining("disagrees");
    }

    @Test
    void rejectsTruncatedOrGarbledFiles() {
        assertThatThrownBy(() -> W1Slave.celsius("72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n", "probe"))
                .hasMessageContaining("1 line(s)");
        assertThatThrownBy(() -> W1Slave.celsius("hello\nworld\n", "probe"))
                .hasMessageContaining("not in the w1_therm format");
    }

    /** A 12-bit scratchpad with the given temperature bytes and a correct CRC. */
    static byte[] scratchpad(int lsb, int msb) {
        byte[] pad = {(byte) lsb, (byte) msb, 0x4B, 0x46, 0x7F, (byte) 0xFF, 0x0C, 0x10, 0};
        pad[8] = (byte) DallasCrc8.crc(pad, 0, 8);
        return pad;
    }
}
