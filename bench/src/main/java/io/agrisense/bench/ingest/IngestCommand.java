package io.agrisense.bench.ingest;

import io.agrisense.bench.common.Report;
import io.agrisense.platform.config.ConfigLoader;
import io.agrisense.platform.config.PlatformConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code agri-bench ingest}: the platform's MQTT ingest throughput next to the raw broker and raw PostgreSQL limits
 * measured in the same run (see {@link RawBrokerPhase}, {@link RawDatabasePhase}, {@link PlatformPhase}).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Platform ingest throughput (readings committed per second) next to the raw broker and raw "
                + "PostgreSQL limits, with the same SenML packs, in one run.")
public final class IngestCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(IngestCommand.class);

    @Option(names = "--mqtt-url", paramLabel = "URL", description = "broker, e.g. tcp://127.0.0.1:1883 (default: embedded HiveMQ CE on a free port)")
    String mqttUrl;

    @Option(names = "--db-url", paramLabel = "JDBC", description = "PostgreSQL, e.g. jdbc:postgresql://127.0.0.1:5432/test (default: embedded PostgreSQL)")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "postgres", description = "default: ${DEFAULT-VALUE}")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "", description = "default: empty")
    String dbPassword;

    @Option(names = "--stations", defaultValue = "200", description = "simulated stations (default: ${DEFAULT-VALUE})")
    int stations;

    @Option(names = "--readings-per-pack", defaultValue = "40", description = "readings per SenML pack (default: ${DEFAULT-VALUE})")
    int readingsPerPack;

    @Option(names = "--publishers", defaultValue = "4", description = "MQTT publisher connections sharing the stations (default: ${DEFAULT-VALUE})")
    int publishers;

    @Option(names = "--warmup", defaultValue = "10", paramLabel = "SECONDS", description = "warm-up per phase (default: ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Option(names = "--duration", defaultValue = "30", paramLabel = "SECONDS", description = "measured window per phase (default: ${DEFAULT-VALUE})")
    int durationSeconds;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "READINGS/S",
            description = "the platform phase's target readings per second over all stations; 0 = as fast as the windows"
                    + " allow (default). The raw phases always run at full speed: they measure limits.")
    double rate;

    @Option(names = "--max-in-flight", defaultValue = "1000",
            description = "unacknowledged QoS 1 PUBLISHes per publisher, further capped by the broker's Receive Maximum (default: ${DEFAULT-VALUE})")
    int maxInFlight;

    @Option(names = "--max-outstanding", defaultValue = "1000",
            description = "platform phase: packs between publish and commit over all publishers; enough to fill the"
                    + " platform's batches, at most the broker's queue limit for one subscriber (Mosquitto:"
                    + " max_queued_messages, 1000) (default: ${DEFAULT-VALUE})")
    int maxOutstanding;

    @Option(names = "--raw-outstanding", defaultValue = "250",
            description = "raw broker phase: packs between publish and arrival over all publishers; enough to keep the"
                    + " pipe full without queueing in the broker (default: ${DEFAULT-VALUE})")
    int rawOutstanding;

    @Option(names = "--report", paramLabel = "FILE", description = "also write the Markdown report to FILE")
    Path report;

    @Override
    public Integer call() throws Exception {
        LoadSettings load = new LoadSettings(stations, readingsPerPack, publishers, Duration.ofSeconds(warmupSeconds),
                Duration.ofSeconds(durationSeconds), rate, maxInFlight, maxOutstanding, rawOutstanding);
        String runId = UUID.randomUUID().toString().substring(0, 6);
        long origin = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
        PackSchedule schedule = new PackSchedule("bench-" + runId, stations, readingsPerPack, origin);
        PlatformConfig defaults = ConfigLoader.load(null, Map.of());
        int packsPerBatch = RawDatabasePhase.packsPerBatch(readingsPerPack, defaults.ingest().batchMessages(),
                defaults.ingest().batchReadings());
        Path dataDir = Files.createTempDirectory("agri-bench-ingest-");
        try (BenchServers servers = BenchServers.start(mqttUrl, dbUrl, dbUser, dbPassword)) {
            LOG.info("Run {}: phase 1 of 3, raw broker ({} s)", runId, warmupSeconds + durationSeconds);
            PhaseResult broker = RawBrokerPhase.run(servers.mqttUri(), "agri-bench-" + runId, schedule, load,
                    defaults.mqtt().receiveMaximum());
            LOG.info("Run {}: phase 2 of 3, raw PostgreSQL ({} s)", runId, warmupSeconds + durationSeconds);
            PhaseResult database = RawDatabasePhase.run(servers.freshSchema("bench_ingest_" + runId + "_raw"),
                    servers.user(), servers.password(), schedule, load, packsPerBatch);
            LOG.info("Run {}: phase 3 of 3, platform ({} s)", runId, warmupSeconds + durationSeconds);
            PlatformConfig config = PlatformPhase.config(servers.mqttUri(), servers.freshSchema("bench_ingest_" + runId + "_platform"),
                    servers.user(), servers.password(), "agri-bench-" + runId + "-platform", dataDir);
            PhaseResult platform = PlatformPhase.run(config, schedule, load, "agri-bench-" + runId);
            IngestReport.Setup setup = new IngestReport.Setup(servers.describeBroker(), servers.describeDatabase(),
                    schedule.pack(0, 0).length, rate > 0 ? String.format(Locale.ROOT, "at a target of %,.0f readings/s", rate)
                            : "as fast as the windows allow");
            Report text = IngestReport.build(command(), load, setup, broker, database, platform);
            text.publish(report);
            return broker.verified() && database.verified() && platform.verified() ? 0 : 1;
        } finally {
            deleteQuietly(dataDir);
        }
    }

    /** The command line that reproduces this run (the password is not repeated). */
    String command() {
        StringBuilder c = new StringBuilder("java -jar bench/target/agri-bench.jar ingest");
        c.append(" --stations ").append(stations).append(" --readings-per-pack ").append(readingsPerPack)
                .append(" --publishers ").append(publishers).append(" --warmup ").append(warmupSeconds)
                .append(" --duration ").append(durationSeconds);
        if (rate > 0) {
            c.append(" --rate ").append(String.format(Locale.ROOT, "%.0f", rate));
        }
        c.append(" --max-in-flight ").append(maxInFlight).append(" --max-outstanding ").append(maxOutstanding)
                .append(" --raw-outstanding ").append(rawOutstanding);
        if (mqttUrl != null) {
            c.append(" --mqtt-url ").append(mqttUrl);
        }
        if (dbUrl != null) {
            c.append(" --db-url ").append(dbUrl).append(" --db-user ").append(dbUser);
            if (!dbPassword.isEmpty()) {
                c.append(" --db-password '<password>'");
            }
        }
        if (report != null) {
            c.append(" --report ").append(report);
        }
        return c.toString();
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", dir, e.getMessage());
        }
    }
}
