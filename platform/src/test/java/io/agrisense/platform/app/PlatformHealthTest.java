package io.agrisense.platform.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.platform.api.HealthCheck;
import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.platform.ingest.IngestBatcher;
import io.agrisense.platform.ingest.IngestMetrics;
import io.agrisense.platform.ingest.IngestPipeline;
import io.agrisense.platform.ingest.StationProfiles;
import io.agrisense.platform.store.DurableWriter;
import io.agrisense.platform.store.MessageOutcome;
import io.agrisense.platform.store.MessageRows;
import io.agrisense.platform.store.Reading;
import io.agrisense.platform.store.ReadingBatchWriter.BatchOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Ingest on {@code /health}: down when commits fail, and when a writer stops committing without any error. */
class PlatformHealthTest {

    private static final Instant NOW = Instant.parse("2024-05-01T06:00:00Z");
    private static final Duration STALL = Duration.ofMillis(500);

    @Test
    void aWriterThatBlocksWithMessagesWaitingMakesIngestDownAfterTheStallTimeoutAndUpOnceItCommits() throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        PlatformConfig.Ingest settings = new PlatformConfig.Ingest(100, 1000, Duration.ZERO, Duration.ofMinutes(5),
                1 << 20, 100, Duration.ofSeconds(2), STALL);
        IngestBatcher batcher = new IngestBatcher((messages, statuses) -> {
            try {
                unblock.await(); // a commit that hangs: a lock, a dead connection the driver does not notice
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted");
            }
            List<MessageOutcome> outcomes = new ArrayList<>();
            messages.forEach(m -> outcomes.add(new MessageOutcome(m.readings(), 0, List.of(), List.of())));
            return new BatchOutcome(outcomes, statuses);
        }, new IngestPipeline(Duration.ofMinutes(5), 1 << 20), new StationProfiles(), new IngestMetrics(new SimpleMeterRegistry()),
                (readings, statuses) -> { }, settings, Clock.systemUTC());
        try {
            assertThat(PlatformHealth.ingest(batcher.health(), STALL)).isEqualTo(HealthCheck.Status.up("ok (0 queued)"));

            CompletableFuture<MessageOutcome> first = batcher.submit(message("st-1"));
            batcher.submit(message("st-2"));
            await().atMost(Duration.ofSeconds(2)).until(() -> batcher.health().inFlight() > 0);
            assertThat(PlatformHealth.ingest(batcher.health(), STALL).up()).as("not yet past the stall timeout").isTrue();

            await().atMost(Duration.ofSeconds(3)).until(() -> !PlatformHealth.ingest(batcher.health(), STALL).up());
            HealthCheck.Status stuck = PlatformHealth.ingest(batcher.health(), STALL);
            assertThat(stuck.detail()).matches("stuck: nothing committed for \\d+ s while 2 message\\(s\\) wait \\(ingest.stallTimeout 500ms\\)");
            assertThat(first).isNotDone();

            unblock.countDown();
            first.get(2, java.util.concurrent.TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(2)).until(() -> PlatformHealth.ingest(batcher.health(), STALL).up());
        } finally {
            unblock.countDown();
            batcher.close(Duration.ofSeconds(2));
        }
    }

    @Test
    void aFailingWriterIsDownWithTheDatabasesWordsWhateverTheStall() {
        DurableWriter.Health failing = new DurableWriter.Health("database writes failing, retrying with back-off: Connection refused",
                3, 1, Duration.ofSeconds(5));

        assertThat(PlatformHealth.ingest(failing, Duration.ofSeconds(60))).isEqualTo(HealthCheck.Status.down(
                "database writes failing, retrying with back-off: Connection refused (3 queued)"));
        assertThat(PlatformHealth.ingest(new DurableWriter.Health(null, 0, 0, Duration.ZERO), Duration.ofSeconds(60)))
                .isEqualTo(HealthCheck.Status.up("ok (0 queued)"));
    }

    private static MessageRows message(String station) {
        return new MessageRows("mqtt", NOW, station, null, List.of(new Reading(station, "ph", NOW, 7)), List.of(), List.of());
    }
}
