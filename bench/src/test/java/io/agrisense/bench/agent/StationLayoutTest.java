package io.agrisense.bench.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agrisense.edge.config.StationConfig;
import io.agrisense.edge.config.StationConfigLoader;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StationLayoutTest {

    @Test
    void fiftySensorsTakeTheFourChipTypesInTurnWithTheirMetrics() {
        StationLayout layout = StationLayout.generate("bench-x", 50, Duration.ofSeconds(1));

        assertThat(layout.countByType()).containsExactly(java.util.Map.entry("bme280", 13L),
                java.util.Map.entry("sht31", 13L), java.util.Map.entry("bh1750", 12L), java.util.Map.entry("ads1115", 12L));
        assertThat(layout.readingsPerRound()).isEqualTo(13 * 3 + 13 * 2 + 12 + 12);
        assertThat(layout.readingsPerSecond()).isEqualTo(89.0);
        assertThat(layout.readingsPerRoundByMetric()).containsEntry("air_temperature", 26).containsEntry("soil_moisture", 12);
    }

    @Test
    void everyChipHasItsOwnBusAndAddressAndEveryProbeItsOwnChannel() {
        StationLayout layout = StationLayout.generate("bench-x", StationLayout.maxSensors(), Duration.ofSeconds(1));

        Set<String> slots = new HashSet<>();
        for (StationLayout.Sensor s : layout.sensors()) {
            assertThat(s.bus()).isBetween(0, 31);
            assertThat(slots.add(s.bus() + "/" + s.address() + "/" + s.channel())).as(s.name()).isTrue();
        }
        assertThat(layout.sensors()).hasSize(704);
    }

    @Test
    void refusesMoreSensorsThanTheSimulatedBusesHold() {
        assertThatThrownBy(() -> StationLayout.generate("bench-x", 705, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..704");
    }

    @Test
    void theYamlIsAStationTheAgentLoads() throws Exception {
        StationLayout layout = StationLayout.generate("bench-x", 30, Duration.ofMillis(500));

        StationConfig config = StationConfigLoader.standard()
                .parse(layout.yaml("tcp://127.0.0.1:1", Duration.ofSeconds(5)), "generated", null);

        assertThat(config.sensors()).hasSize(30);
        assertThat(config.sensors()).allSatisfy(s -> assertThat(s.interval()).isEqualTo(Duration.ofMillis(500)));
        assertThat(config.sensors().get(3).options()).containsEntry("probe", "soil_moisture").containsEntry("channel", 0);
        assertThat(config.healthInterval()).isEqualTo(Duration.ofSeconds(5));
    }
}
