package io.agrisense.bench.alert;

import io.agrisense.bench.common.Report;
import io.agrisense.link.mqtt.MqttConnection;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.Topics;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Reading-to-alert latency under load (goal: p99 under 100 ms). Starts the platform in this JVM, installs a
 * threshold rule through the rules API, keeps ingest busy with background stations, and lets probe stations cycle
 * a dissolved-oxygen reading below and above the rule's levels, timing the alert and its resolution on MQTT and
 * SSE next to the broker's own publish-to-subscribe time for the same message; every alert is checked for its
 * triggering value and every background reading for being stored.
 */
@Command(name = "alert-latency", mixinStandardHelpOptions = true,
        description = "Reading->alert latency (MQTT and SSE) under ingest load, next to the broker's publish->subscribe latency.")
public final class AlertLatencyCommand implements Callable<Integer> {

    @Option(names = "--mqtt-url", paramLabel = "URL", description = "external MQTT broker, e.g. tcp://127.0.0.1:1883 (default: embedded HiveMQ CE on a free port)")
    String mqttUrl;

    @Option(names = "--db-url", paramLabel = "JDBC", description = "external PostgreSQL, e.g. jdbc:postgresql://127.0.0.1:5432/test; a fresh schema is used and dropped (default: embedded PostgreSQL)")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "postgres", description = "default: ${DEFAULT-VALUE}")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "", description = "default: empty")
    String dbPassword;

    @Option(names = "--stations", defaultValue = "50", description = "background stations (default: ${DEFAULT-VALUE})")
    int stations;

    @Option(names = "--rate", defaultValue = "3000", description = "background readings per second in total (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--readings-per-pack", defaultValue = "10", description = "readings in each background pack (default: ${DEFAULT-VALUE})")
    int readingsPerPack;

    @Option(names = "--connections", defaultValue = "4", description = "MQTT connections the background stations share (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--probes", defaultValue = "4", description = "probe stations, each with its own connection (default: ${DEFAULT-VALUE})")
    int probes;

    @Option(names = "--cycles", defaultValue = "0", description = "measured cycles per probe; 0 = cycle for --duration (default: ${DEFAULT-VALUE})")
    int cycles;

    @Option(names = "--duration", defaultValue = "60", description = "seconds measured after the warm-up, unless --cycles is given (default: ${DEFAULT-VALUE})")
    int durationSeconds;

    @Option(names = "--warmup", defaultValue = "10", description = "seconds of load and probing before measuring (default: ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Option(names = "--pause", defaultValue = "50", description = "milliseconds a probe waits between cycles (default: ${DEFAULT-VALUE})")
    int pauseMillis;

    @Option(names = "--timeout", defaultValue = "10", description = "seconds to wait for each alert before counting it missing (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--report", paramLabel = "FILE", description = "also write the Markdown report here")
    Path report;

    @Override
    public Integer call() throws Exception {
        if (probes < 1 || durationSeconds < 1 && cycles < 1 || warmupSeconds < 0 || pauseMillis < 0 || timeoutSeconds < 1 || connections < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "need --probes >= 1, --duration >= 1 or --cycles >= 1, --warmup >= 0, --pause >= 0, --timeout >= 1, --connections >= 1");
        }
        LoadPlan plan = new LoadPlan(stations, rate, readingsPerPack);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String profile = "bench_alert_" + run;
        String ruleId = "bench-do-" + run;
        List<String> probeIds = new ArrayList<>();
        for (int i = 0; i < probes; i++) {
            probeIds.add("probe-" + run + "-" + i);
        }
        String loadPrefix = "bl-" + run + "-";

        System.err.println("alert-latency: starting the platform");
        try (PlatformUnderTest platform = PlatformUnderTest.start(new PlatformUnderTest.Servers(mqttUrl, dbUrl, dbUser, dbPassword))) {
            PlatformApi api = new PlatformApi(platform.apiBase());
            api.createRule(rule(ruleId, profile));
            String broker = platform.mqttUri();
            List<MqttConnection> probeClients = new ArrayList<>();
            try (MqttAlerts mqttAlerts = new MqttAlerts(broker, probeIds);
                 SseAlerts sseAlerts = new SseAlerts(api.base(), probeIds);
                 TelemetryTap tap = new TelemetryTap(broker, probeIds);
                 BackgroundLoad load = new BackgroundLoad(broker, plan, loadPrefix, connections)) {
                List<ProbeStation> probeStations = new ArrayList<>();
                for (String id : probeIds) {
                    MqttConnection client = MqttConnections.connect(broker, "agri-bench-probe");
                    probeClients.add(client);
                    announce(client, id, profile);
                    probeStations.add(new ProbeStation(id, ruleId, client,
                            new ProbeStation.Watchers(mqttAlerts.inbox(id), sseAlerts.inbox(id), tap)));
                }
                for (String id : probeIds) {
                    api.awaitProfile(id, profile, Duration.ofSeconds(30));
                }

                System.err.printf("alert-latency: load %d readings/s from %d stations, %d probes; warm-up %d s, then %s%n",
                        rate, stations, probes, warmupSeconds, cycles > 0 ? cycles + " cycles per probe" : durationSeconds + " s");
                long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
                ProbeRun.Outcome outcome = ProbeRun.run(probeStations, load, new ProbeStation.Schedule(warmupEnd,
                        warmupEnd + TimeUnit.SECONDS.toNanos(durationSeconds), cycles, Duration.ofSeconds(timeoutSeconds),
                        Duration.ofMillis(pauseMillis)));
                System.err.println("alert-latency: probes done; checking that every background reading was stored");
                StoredReadings storedReadings = new StoredReadings(platform.dataSource(), loadPrefix, BackgroundLoad.METRICS);
                long stored = storedReadings.awaitCount(load.readingsAcked(), Duration.ofSeconds(15));
                long foreign = storedReadings.foreign("probe-" + run + "-");

                long stray = 0;
                long unreadable = 0;
                for (String id : probeIds) {
                    stray += mqttAlerts.inbox(id).stray() + sseAlerts.inbox(id).stray();
                    unreadable += mqttAlerts.inbox(id).unreadableCount() + sseAlerts.inbox(id).unreadableCount();
                }
                ProbeTally tally = ProbeTally.of(outcome.results());
                RunFacts facts = new RunFacts(platform.describe(), ruleId, profile, probes, Duration.ofSeconds(warmupSeconds),
                        outcome.measured(), cycles, Duration.ofMillis(pauseMillis), Duration.ofSeconds(timeoutSeconds), plan,
                        Math.min(connections, stations), outcome.achievedReadingsPerSecond(), load.readingsPublished(),
                        load.readingsAcked(), load.packsFailed(), stored, foreign, stray, unreadable, tap.unexpected());
                AlertLatencyReport.write(new Report("Alert latency: reading -> alert under ingest load", reproduce()), tally, facts)
                        .publish(report);
                return AlertLatencyReport.failures(tally, facts).isEmpty() ? 0 : 1;
            } finally {
                probeClients.forEach(MqttConnections::close);
            }
        }
    }

    /** The probe's status message (QoS 1, not retained) names its profile, which puts it in the probe rule's scope. */
    private static void announce(MqttConnection client, String station, String profile) throws MqttException {
        byte[] status = new JsonObject().put("state", "online").put("profile", profile).put("name", "alert-latency probe")
                .encode().getBytes(StandardCharsets.UTF_8);
        client.publish(Topics.status(StationId.of(station)), status, 1, false, null).waitForCompletion(10_000);
    }

    /** The probe rule: the shape of the shipped pond-do-critical rule, but firing at once and only for the probes' profile. */
    static JsonObject rule(String id, String profile) {
        return new JsonObject()
                .put("id", id)
                .put("name", "Benchmark probe: dissolved oxygen critical")
                .put("kind", "threshold")
                .put("metric", "dissolved_oxygen")
                .put("scope", new JsonObject().put("profile", profile))
                .put("severity", "critical")
                .put("direction", "below")
                .put("raise", ProbeValues.RAISE)
                .put("clear", ProbeValues.CLEAR);
    }

    private String reproduce() {
        StringBuilder b = new StringBuilder("java -jar bench/target/agri-bench.jar alert-latency");
        if (mqttUrl != null) {
            b.append(" --mqtt-url ").append(mqttUrl);
        }
        if (dbUrl != null) {
            b.append(" --db-url ").append(dbUrl).append(" --db-user ").append(dbUser);
            if (!dbPassword.isEmpty()) {
                b.append(" --db-password <password>");
            }
        }
        b.append(" --stations ").append(stations).append(" --rate ").append(rate).append(" --readings-per-pack ").append(readingsPerPack)
                .append(" --connections ").append(connections).append(" --probes ").append(probes);
        if (cycles > 0) {
            b.append(" --cycles ").append(cycles);
        } else {
            b.append(" --duration ").append(durationSeconds);
        }
        b.append(" --warmup ").append(warmupSeconds).append(" --pause ").append(pauseMillis).append(" --timeout ").append(timeoutSeconds);
        return b.toString();
    }
}
