package io.agrisense.edge.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LightAndAdcTest {

    @Test
    void bh1750MatchesTheDatasheetExample() {
        // datasheet p.11: high byte 1000_0011, low byte 1001_0000 -> (2^15+2^9+2^8+2^7+2^4) / 1.2 = 28067 lx
        assertThat(Bh1750.lux(0x8390, 69)).isCloseTo(28066.7, within(0.1));
    }

    @Test
    void bh1750ShorterMeasurementTimeExtendsTheRange() {
        assertThat(Bh1750.lux(0xFFFF, 69)).isCloseTo(54612.5, within(0.1));
        assertThat(Bh1750.lux(0xFFFF, 31)).isCloseTo(121557.0, within(1.0));
        assertThat(Bh1750.measurementTime(69)).isEqualTo(Duration.ofMillis(180));
        assertThat(Bh1750.measurementTime(31)).isEqualTo(Duration.ofMillis(81));
    }

    @Test
    void ads1115ConfigWordForSingleShotSingleEnded() {
        // table 8: OS=1, MUX=100 (AIN0/GND), PGA=010 (±2.048 V), MODE=1, DR=100, COMP_QUE=11
        assertThat(Ads1115.configWord(0, Ads1115.Gain.FS_2_048)).isEqualTo(0xC583);
        // MUX=111 (AIN3/GND), PGA=001 (±4.096 V)
        assertThat(Ads1115.configWord(3, Ads1115.Gain.FS_4_096)).isEqualTo(0xF383);
        assertThat(Ads1115.channelOf(0xF383)).isEqualTo(3);
        assertThat(Ads1115.channelOf(0x8583)).isEqualTo(-1); // reset value: AIN0/AIN1 differential
    }

    @Test
    void ads1115LsbSizesFollowTable3() {
        assertThat(Ads1115.volts(1, Ads1115.Gain.FS_2_048)).isCloseTo(62.5e-6, within(1e-12));
        assertThat(Ads1115.volts(1, Ads1115.Gain.FS_6_144)).isCloseTo(187.5e-6, within(1e-12));
        assertThat(Ads1115.volts(0x7FFF, Ads1115.Gain.FS_4_096)).isCloseTo(4.096 * 32767 / 32768, within(1e-12));
        assertThat(Ads1115.volts(-32768, Ads1115.Gain.FS_0_256)).isEqualTo(-0.256);
    }

    @Test
    void ads1115GainIsChosenByFullScaleVolts() {
        assertThat(Ads1115.Gain.ofFullScale(4.096)).isEqualTo(Ads1115.Gain.FS_4_096);
        assertThatThrownBy(() -> Ads1115.Gain.ofFullScale(5.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6.144, 4.096");
    }

    @Test
    void cpuTemperatureIsInMillidegrees() {
        assertThat(CpuTemperature.celsius("48312\n")).isEqualTo(48.312);
    }
}
