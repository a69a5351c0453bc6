package io.agrisense.edge.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SensirionTest {

    @Test
    void crcOfBeefIs92AsInTheSht3xDatasheet() {
        assertThat(SensirionCrc8.crc(0xBE, 0xEF)).isEqualTo(0x92);
    }

    @Test
    void framesCarryOneCrcPerWordAndReadBack() throws SensorException {
        byte[] frame = SensirionCrc8.frame(0xBEEF, 0x01F4);

        assertThat(frame).containsExactly(0xBE, 0xEF, 0x92, 0x01, 0xF4, SensirionCrc8.crc(0x01, 0xF4));
        assertThat(SensirionCrc8.words(frame, "test")).containsExactly(0xBEEF, 0x01F4);
    }

    @Test
    void aFlippedBitIsACrcError() {
        byte[] frame = SensirionCrc8.frame(0xBEEF, 0x6666);
        frame[4] ^= 0x01;

        assertThatThrownBy(() -> SensirionCrc8.words(frame, "SHT31 'air'"))
                .isInstanceOf(SensorException.class)
                .hasMessageContaining("SHT31 'air'")
                .hasMessageContaining("CRC error in word 1");
    }

    @Test
    void sht31ConversionFollowsSection413() {
        assertThat(Sht31.celsius(0x0000)).isEqualTo(-45.0);
        assertThat(Sht31.celsius(0xFFFF)).isEqualTo(130.0);
        assertThat(Sht31.celsius(0x6666)).isCloseTo(25.0, within(0.001)); // 26214 * 175 / 65535 - 45
        assertThat(Sht31.relativeHumidity(0x0000)).isZero();
        assertThat(Sht31.relativeHumidity(0xFFFF)).isEqualTo(100.0);
        assertThat(Sht31.relativeHumidity(0x8000)).isCloseTo(50.0, within(0.001));
    }

    @Test
    void scd41ConversionMatchesTheReadMeasurementExample() {
        // SCD4x datasheet §3.5.2 example: 0x01F4 = 500 ppm, 0x6667 = 25 °C, 0x5EB9 = 37 %RH
        assertThat(0x01F4).isEqualTo(500);
        assertThat(Scd41.celsius(0x6667)).isCloseTo(25.0, within(0.01));
        assertThat(Scd41.relativeHumidity(0x5EB9)).isCloseTo(37.0, within(0.01));
    }

    @Test
    void scd41DataReadyLooksAtTheLowElevenBits() {
        assertThat(Scd41.dataReady(0x8000)).isFalse();
        assertThat(Scd41.dataReady(0x0000)).isFalse();
        assertThat(Scd41.dataReady(0x8006)).isTrue();
        assertThat(Scd41.dataReady(0x0001)).isTrue();
    }
}
