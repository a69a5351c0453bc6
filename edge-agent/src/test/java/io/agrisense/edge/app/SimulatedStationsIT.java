package io.agrisense.edge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.edge.config.StationConfig;
import io.agrisense.edge.config.StationConfigLoader;
import io.agrisense.edge.testing.StationTraffic;
import io.agrisense.embedded.testkit.TestServices;
import io.agrisense.protocol.MetricCatalogue;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.ResolvedRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bundled station runs through the real drivers over simulated hardware, as the demo runs them, in one JVM. */
class SimulatedStationsIT {

    @TempDir
    Path dir;

    @Test
    void everyBundledStationPublishesPlausibleReadingsThroughTheRealDrivers() throws Exception {
        String url = TestServices.mqttServerUri();
        StationConfigLoader loader = StationConfigLoader.standard();
        List<EdgeAgent> agents = new ArrayList<>();
        List<StationTraffic> subs = new ArrayList<>();
        try {
            for (String name : StationConfigLoader.bundledNames()) {
                StationConfig c = loader.loadBundled(name);
                subs.add(new StationTraffic(url, c.stationId(), false));
                agents.add(EdgeAgent.start(c, AgentOptions.defaults().withSimulate(true).withSeed(7)
                        .withBrokerUrl(url).withDataDir(dir)));
            }
            for (int i = 0; i < agents.size(); i++) {
                StationTraffic sub = subs.get(i);
                EdgeAgent agent = agents.get(i);
                await().atMost(Duration.ofSeconds(30)).until(() -> sub.records().size() >= agent.config().sensors().size());
                StationId id = agent.stationId();
                assertThat(agent.sensorErrors()).as(id + " sensors read without errors").isZero();
                Set<String> metrics = sub.records().stream().map(r -> StationId.splitResolvedName(r.name()).metric())
                        .collect(Collectors.toSet());
                assertThat(metrics).as(id + " reports every sensor").hasSizeGreaterThanOrEqualTo(agent.config().sensors().size());
                for (ResolvedRecord r : sub.records()) {
                    String metric = StationId.splitResolvedName(r.name()).metric();
                    assertThat(MetricCatalogue.require(metric).implausibility(r.value())).as(r.name()).isNull();
                }
                assertThat(sub.statuses().get(sub.statuses().size() - 1)).contains("\"state\":\"online\"");
            }
            assertThat(subs.get(StationConfigLoader.bundledNames().indexOf("crayfish_pond")).records())
                    .extracting(r -> StationId.splitResolvedName(r.name()).metric())
                    .contains("dissolved_oxygen", "water_temperature", "ph", "turbidity");
        } finally {
            agents.forEach(EdgeAgent::close);
            for (StationTraffic s : subs) {
                s.close();
            }
        }
    }
}
