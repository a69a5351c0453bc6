package io.agrisense.edge.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.agrisense.link.config.BufferConfig;
import io.agrisense.protocol.senml.SenmlFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BundledStationConfigsTest {

    private final StationConfigLoader loader = StationConfigLoader.standard();

    @ParameterizedTest
    @ValueSource(strings = {"greenhouse", "orchard", "tea_garden", "crayfish_pond", "livestock_barn", "air_quality",
            "river_water_quality"})
    void everyProfileHasAValidStationFileInTheRepositoryAndTheJar(String profile) throws Exception {
        Path file = Path.of("../firmware-configs/" + profile + ".yaml");
        assertThat(file).exists();
        StationConfig fromFile = loader.load(file);
        StationConfig bundled = loader.loadBundled(profile);
        assertThat(fromFile.profile()).isEqualTo(profile);
        assertThat(bundled.stationId()).isEqualTo(fromFile.stationId());
        assertThat(bundled.sensors()).isEqualTo(fromFile.sensors());
        assertThat(fromFile.sensors()).isNotEmpty();
        assertThat(fromFile.uplink().isMqtt()).isTrue();
        assertThat(fromFile.uplink().mqtt().qos()).isEqualTo(1);
        assertThat(fromFile.healthInterval()).isEqualTo(Duration.ofSeconds(60));
        // in Hubei (29.0-33.3 N, 108.3-116.1 E), for the platform's ET0 and frost models
        assertThat(fromFile.location()).isNotNull();
        assertThat(fromFile.location().latitude()).isBetween(29.0, 33.3);
        assertThat(fromFile.location().longitude()).isBetween(108.3, 116.1);
        assertThat(bundled.location()).isEqualTo(fromFile.location());
        assertThat(Files.readString(file)).contains("station_id: ");
    }

    @Test
    void listsOneBundledStationPerProfileWithDistinctIds() throws Exception {
        assertThat(StationConfigLoader.bundledNames()).containsExactlyElementsOf(StationConfig.PROFILES);
        Set<String> ids = new HashSet<>();
        for (String name : StationConfigLoader.bundledNames()) {
            ids.add(loader.loadBundled(name).stationId().value());
        }
        assertThat(ids).hasSize(7);
    }

    @Test
    void crayfishPondRunsTheAeratorOnLowOxygen() throws Exception {
        StationConfig pond = loader.loadBundled("crayfish_pond");
        assertThat(pond.stationId().value()).isEqualTo("crayfish-pond-01");
        assertThat(pond.payloadFormat()).isEqualTo(SenmlFormat.CBOR);
        assertThat(pond.sensors()).extracting(SensorConfig::name)
                .containsExactly("water_temp", "do_probe", "ph_probe", "turbidity_probe");
        assertThat(pond.sensor("do_probe").orElseThrow().options()).containsEntry("probe", "dissolved_oxygen")
                .containsEntry("channel", 0).containsEntry("address", 0x48);
        assertThat(pond.actuator("aerator").orElseThrow().options()).containsEntry("pin", 17).containsEntry("load", "aerator");
        RuleConfig rule = pond.rules().get(0);
        assertThat(rule.metric()).isEqualTo("dissolved_oxygen");
        assertThat(rule.comparison()).isEqualTo(RuleConfig.Comparison.BELOW);
        assertThat(rule.threshold()).isEqualTo(3.0);
        assertThat(rule.forDuration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(rule.onFor()).isEqualTo(Duration.ofMinutes(30));
        assertThat(rule.actuator()).isEqualTo("aerator");
        assertThat(pond.buffer().maxBytes()).isEqualTo(64L << 20);
        assertThat(pond.buffer().fsync()).isEqualTo(BufferConfig.FsyncPolicy.BATCH);
    }

    @Test
    void greenhouseIrrigatesDrySoilAtMostOnceAnHour() throws Exception {
        RuleConfig rule = loader.loadBundled("greenhouse").rules().get(0);
        assertThat(rule.describe()).isEqualTo("soil_moisture < 18.0 for 0s -> irrigation_valve on 10min");
        assertThat(rule.minInterval()).isEqualTo(Duration.ofHours(1));
    }
}
