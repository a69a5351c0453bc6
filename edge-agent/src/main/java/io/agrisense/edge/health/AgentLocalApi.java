package io.agrisense.edge.health;

import io.agrisense.edge.sampling.SensorStatus;
import io.agrisense.link.buffer.QueueStats;
import io.agrisense.link.localapi.ComponentHealth;
import io.agrisense.link.localapi.HealthReport;
import io.agrisense.link.localapi.LinkMetrics;
import io.agrisense.link.localapi.LocalApi;
import io.agrisense.link.localapi.LocalApiConfig;
import io.agrisense.link.uplink.UplinkStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The agent's local /health and /metrics: the shared queue, uplink, JVM and process meters, plus reads and failed
 * reads per sensor; health is the uplink, the queue and the sensors (down while any sensor's last read failed).
 */
public final class AgentLocalApi {

    private final Supplier<List<SensorStatus>> sensors;
    private final PrometheusMeterRegistry registry = LinkMetrics.registry();
    private final Map<String, SensorStatus> latest = new ConcurrentHashMap<>();
    private final Set<String> metered = ConcurrentHashMap.newKeySet();

    private AgentLocalApi(Supplier<List<SensorStatus>> sensors) {
        this.sensors = sensors;
    }

    public static LocalApi start(LocalApiConfig settings, Supplier<QueueStats> queue, long queueMaxBytes,
                                 Supplier<UplinkStats> uplink, Supplier<List<SensorStatus>> sensors) {
        AgentLocalApi api = new AgentLocalApi(sensors);
        LinkMetrics.bindQueue(api.registry, queue);
        LinkMetrics.bindUplink(api.registry, uplink);
        return LocalApi.start(settings, api::scrape, () -> new HealthReport(List.of(HealthReport.uplink(uplink.get()),
                HealthReport.queue(queue.get(), queueMaxBytes), sensorHealth(sensors.get()))));
    }

    /** Sensors come and go with {@code reload_config}: each one seen gets its meters on the next scrape. */
    private String scrape() {
        for (SensorStatus s : sensors.get()) {
            latest.put(s.name(), s);
            if (metered.add(s.name())) {
                String name = s.name();
                FunctionCounter.builder("agri.sampling.reads", latest, m -> m.get(name).reads()).tag("sensor", name)
                        .description("Successful sensor reads").register(registry);
                FunctionCounter.builder("agri.sampling.failures", latest, m -> m.get(name).errors()).tag("sensor", name)
                        .description("Sensor reads that failed").register(registry);
            }
        }
        return registry.scrape();
    }

    static ComponentHealth sensorHealth(List<SensorStatus> sensors) {
        List<String> failing = sensors.stream().filter(s -> s.consecutiveFailures() > 0)
                .map(s -> s.name() + " (" + s.consecutiveFailures() + " failed reads: " + s.lastError() + ")").toList();
        return failing.isEmpty() ? ComponentHealth.up("sensors", sensors.size() + " sensors reading")
                : ComponentHealth.down("sensors", "failing: " + String.join("; ", failing));
    }
}
