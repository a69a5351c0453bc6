package io.agrisense.edge.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.agrisense.edge.sensor.WindVaneLadder.Position;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindVaneLadderTest {

    /**
     * Every position of the weather-meter vane with its 10 kOhm pull-up: V = Vs R / (R + 10 k), worked by hand for 5 V
     * (the datasheet's column) and 3.3 V (a Raspberry Pi's ADS1115 supply).
     */
    @ParameterizedTest(name = "{0}° ({1} Ohm): {2} V at 5 V, {3} V at 3.3 V")
    @CsvSource({
            "0,     33000,  3.8372, 2.5326",
            "22.5,  6570,   1.9825, 1.3084",
            "45,    8200,   2.2527, 1.4868",
            "67.5,  891,    0.4091, 0.2700",
            "90,    1000,   0.4545, 0.3000",
            "112.5, 688,    0.3219, 0.2124",
            "135,   2200,   0.9016, 0.5951",
            "157.5, 1410,   0.6179, 0.4078",
            "180,   3900,   1.4029, 0.9259",
            "202.5, 3140,   1.1948, 0.7886",
            "225,   16000,  3.0769, 2.0308",
            "247.5, 14120,  2.9270, 1.9318",
            "270,   120000, 4.6154, 3.0462",
            "292.5, 42120,  4.0407, 2.6668",
            "315,   64900,  4.3324, 2.8594",
            "337.5, 21880,  3.4316, 2.2649"})
    void everyPositionAtBothSupplies(double degrees, double ohms, double at5, double at33) throws SensorException {
        Position p = new Position(degrees, ohms);
        assertThat(WindVaneLadder.WEATHER_METER).contains(p);
        WindVaneLadder five = WindVaneLadder.weatherMeter(5.0);
        WindVaneLadder three = WindVaneLadder.weatherMeter(3.3);
        assertThat(five.volts(p)).isCloseTo(at5, within(1e-4));
        assertThat(three.volts(p)).isCloseTo(at33, within(1e-4));
        assertThat(five.degrees(at5)).isEqualTo(degrees);
        assertThat(three.degrees(at33)).isEqualTo(degrees);
    }

    @Test
    void closeNeighboursAreToldApartAndAnythingBetweenIsRefused() throws SensorException {
        WindVaneLadder vane = WindVaneLadder.weatherMeter(5.0);
        // 67.5° (0.4091 V) and 90° (0.4545 V) are the closest pair: 45 mV apart, each accepted within 18 mV
        assertThat(vane.degrees(0.4091 + 0.015)).isEqualTo(67.5);
        assertThat(vane.degrees(0.4545 - 0.015)).isEqualTo(90);
        assertThatThrownBy(() -> vane.degrees(0.4291)).isInstanceOf(SensorException.class)
                .hasMessageContaining("nearest 67.5° at 0.409 V");
        assertThatThrownBy(() -> vane.degrees(0.75))
                .hasMessage("wind vane: 0.750 V matches no position (nearest 157.5° at 0.618 V, accepted within ±0.065 V):"
                        + " a worn contact, a wet connector or a wrong pull-up");
    }

    @Test
    void anOpenOrShortedVaneIsNamed() {
        WindVaneLadder vane = WindVaneLadder.weatherMeter(3.3);
        assertThatThrownBy(() -> vane.degrees(3.29)).hasMessageContaining("disconnected or its cable broken");
        assertThatThrownBy(() -> vane.degrees(0.01)).hasMessageContaining("shorted to ground");
        assertThatThrownBy(() -> vane.degrees(Double.NaN)).hasMessageContaining("is not a reading");
    }

    @Test
    void aLadderWithTwoEqualResistancesIsRefused() {
        assertThatThrownBy(() -> new WindVaneLadder(List.of(new Position(0, 1000), new Position(90, 1000)), 10_000, 5))
                .hasMessageContaining("cannot be told apart");
    }
}
