package io.agrisense.platform.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.platform.store.MessageOutcome;
import io.agrisense.platform.store.MessageRows;
import io.agrisense.platform.store.Reading;
import io.agrisense.platform.store.ReadingBatchWriter.BatchOutcome;
import io.agrisense.platform.store.RejectReason;
import io.agrisense.platform.store.Rejection;
import io.agrisense.platform.store.StationStatus;
import io.agrisense.platform.store.StoredReading;
import io.agrisense.platform.store.WriteResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The batcher with a scripted store: batching, retry without acknowledging, ack and publish steps. */
class IngestBatcherTest {

    private static final Instant NOW = Instant.parse("2024-05-01T06:00:00Z");
    private final PlatformConfig.Ingest settings = new PlatformConfig.Ingest(3, 1000, Duration.ofMillis(50),
            Duration.ofMinutes(5), 1 << 20, 100, Duration.ofSeconds(2), Duration.ofSeconds(60));
    private final List<List<MessageRows>> commits = new CopyOnWriteArrayList<>();
    private final List<ReadingBatch> published = new CopyOnWriteArrayList<>();
    private final List<StationStatusEvent> statusEvents = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IngestMetrics metrics = new IngestMetrics(registry);
    private IngestBatcher batcher;

    /** Stores everything as new, after failing {@code failuresLeft} times. */
    private BatchOutcome store(List<MessageRows> messages, List<StationStatus> statuses) throws SQLException {
        if (failuresLeft.getAndDecrement() > 0) {
            throw new SQLTransientConnectionException("Connection refused", "08001");
        }
        commits.add(messages);
        List<MessageOutcome> outcomes = new ArrayList<>();
        for (MessageRows m : messages) {
            outcomes.add(new MessageOutcome(m.readings(), 0, m.events(), m.rejections()));
        }
        return new BatchOutcome(outcomes, statuses);
    }

    private IngestBatcher start(IngestBatcher.Store store) {
        batcher = new IngestBatcher(store, new IngestPipeline(Duration.ofMinutes(5), 1 << 20), new StationProfiles(), metrics,
                (readings, statuses) -> {
                    published.add(readings);
                    statusEvents.addAll(statuses);
                }, settings, Clock.fixed(NOW, ZoneOffset.UTC));
        return batcher;
    }

    @AfterEach
    void close() {
        if (batcher != null) {
            batcher.close(Duration.ofSeconds(2));
        }
    }

    private static MessageRows message(String station, double value) {
        return new MessageRows("mqtt", NOW, station, null, List.of(new Reading(station, "ph", NOW, value)), List.of(), List.of());
    }

    @Test
    void messagesAreCommittedInBatchesOfAtMostBatchMessagesThenCompletedAndPublished() {
        start(this::store);
        List<CompletableFuture<MessageOutcome>> done = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            done.add(batcher.submit(message("st-" + i, 7)));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();

        assertThat(commits).allSatisfy(batch -> assertThat(batch.size()).isLessThanOrEqualTo(3));
        assertThat(commits.stream().mapToInt(List::size).sum()).isEqualTo(7);
        assertThat(done.get(6).join().stored()).containsExactly(new Reading("st-6", "ph", NOW, 7));
        await().atMost(Duration.ofSeconds(2)).until(() -> published.stream().mapToInt(b -> b.readings().size()).sum() == 7);
        assertThat(published.get(0).readings().get(0)).isEqualTo(new StoredReading("st-0", null, "ph", NOW, 7));
        assertThat(registry.get("agri.readings.stored").counter().count()).isEqualTo(7);
        assertThat(registry.get("agri.ingest.messages").tag("source", "mqtt").counter().count()).isEqualTo(7);
        assertThat(registry.get("agri.readings.received").tag("source", "mqtt").counter().count()).isEqualTo(7);
    }

    @Test
    void aFailingDatabaseHoldsTheBatchUnacknowledgedAndReportsDownUntilItCommits() throws Exception {
        failuresLeft.set(3);
        start(this::store);
        CompletableFuture<MessageOutcome> done = batcher.submit(message("st-1", 7));

        await().atMost(Duration.ofSeconds(2)).until(() -> !batcher.health().up());
        assertThat(done).isNotDone();
        assertThat(batcher.health().detail()).isEqualTo("database writes failing, retrying with back-off: Connection refused");

        assertThat(done.get(5, java.util.concurrent.TimeUnit.SECONDS).stored()).hasSize(1);
        assertThat(batcher.health().up()).isTrue();
        assertThat(commits).hasSize(1);
        assertThat(registry.get("agri.ingest.write.failures").functionCounter().count()).isEqualTo(3);
    }

    @Test
    void shuttingDownWhileTheDatabaseIsDownFailsTheHeldMessagesInsteadOfAcknowledgingThem() {
        failuresLeft.set(Integer.MAX_VALUE);
        start(this::store);
        CompletableFuture<MessageOutcome> done = batcher.submit(message("st-1", 7));
        await().atMost(Duration.ofSeconds(2)).until(() -> !batcher.health().up());

        batcher.close(Duration.ofMillis(200));

        assertThat(done).isCompletedExceptionally();
        assertThat(batcher.submit(message("st-2", 7))).isCompletedExceptionally();
    }

    @Test
    void aMessageTheDatabaseRefusesIsRecordedAsRejectedWithoutBlockingTheOthers() {
        start((messages, statuses) -> {
            for (MessageRows m : messages) {
                if (!m.readings().isEmpty() && m.readings().get(0).value() == 666) {
                    throw new SQLException("value out of range for type", "22003");
                }
            }
            return store(messages, statuses);
        });
        CompletableFuture<MessageOutcome> good = batcher.submit(message("st-1", 7));
        CompletableFuture<MessageOutcome> bad = batcher.submit(message("st-2", 666));

        assertThat(good.join().stored()).hasSize(1);
        assertThat(bad.join().stored()).isEmpty();
        assertThat(bad.join().rejections()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(RejectReason.DATABASE_REFUSED);
            assertThat(r.reason()).isEqualTo("the database refused this message: value out of range for type");
        });
    }

    @Test
    void statusUpdatesAreStoredInTheBatchAndPublishedWithTheProfile() throws Exception {
        start(this::store);
        StationStatus online = new StationStatus("pond-3", true, NOW, "crayfish_pond", "Pond 3", "0.1", "{}");
        batcher.submitStatus(online).join();
        batcher.submit(message("pond-3", 7)).join();

        await().atMost(Duration.ofSeconds(2)).until(() -> published.stream().anyMatch(b -> !b.readings().isEmpty()));
        assertThat(statusEvents).containsExactly(new StationStatusEvent("pond-3", true, NOW, "crayfish_pond"));
        assertThat(published.stream().flatMap(b -> b.readings().stream()))
                .containsExactly(new StoredReading("pond-3", "crayfish_pond", "ph", NOW, 7));
    }

    @Test
    void derivedReadingsGoThroughTheSameValidationAndStore() {
        start(this::store);
        WriteResult result = batcher.write(List.of(new StoredReading("orchard-1", null, "dew_point", NOW, 4.5),
                new StoredReading("orchard-1", null, "vpd", NOW, -1)));

        assertThat(result.stored()).isEqualTo(1);
        assertThat(result.rejected()).extracting(Rejection::code).containsExactly(RejectReason.OUT_OF_RANGE);
        assertThat(commits.get(0).get(0).source()).isEqualTo("platform");
    }

    @Test
    void theAckStepCompletesEachMessageWithItsOwnOutcome() {
        MessageOutcome a = new MessageOutcome(List.of(new Reading("a", "ph", NOW, 7)), 0, List.of(), List.of());
        MessageOutcome b = new MessageOutcome(List.of(), 1, List.of(), List.of());
        IngestBatcher.Pending pa = new IngestBatcher.Pending(message("a", 7), null, new CompletableFuture<>());
        IngestBatcher.Pending pb = new IngestBatcher.Pending(message("b", 7), null, new CompletableFuture<>());
        IngestBatcher.Pending ps = new IngestBatcher.Pending(null, new StationStatus("a", true, NOW, null, null, null, "{}"),
                new CompletableFuture<>());

        IngestBatcher.acknowledge(List.of(pa, pb), List.of(ps), new BatchOutcome(List.of(a, b), List.of()));

        assertThat(pa.done()).isCompletedWithValue(a);
        assertThat(pb.done()).isCompletedWithValue(b);
        assertThat(ps.done()).isDone();
    }

    @Test
    void thePublishStepCarriesOnlyNewlyStoredReadingsWithTheirProfile() {
        StationProfiles profiles = new StationProfiles();
        profiles.put("a", "greenhouse");
        MessageOutcome stored = new MessageOutcome(List.of(new Reading("a", "co2", NOW, 410)), 2, List.of(), List.of());
        MessageOutcome duplicatesOnly = new MessageOutcome(List.of(), 3, List.of(), List.of());

        Instant receivedA = NOW.plusMillis(5);
        List<MessageRows> messages = List.of(
                new MessageRows("mqtt", receivedA, "a", null, List.of(new Reading("a", "co2", NOW, 410)), List.of(), List.of()),
                new MessageRows("mqtt", NOW.plusMillis(9), "a", null, List.of(), List.of(), List.of()));

        ReadingBatch batch = IngestBatcher.readingBatch(List.of(stored, duplicatesOnly), messages, profiles);

        assertThat(batch.readings()).containsExactly(new StoredReading("a", "greenhouse", "co2", NOW, 410));
        assertThat(batch.receivedAt()).containsExactly(receivedA);
        assertThat(IngestBatcher.statusEvents(List.of(new StationStatus("b", false, NOW, null, null, null, "{}"))))
                .containsExactly(new StationStatusEvent("b", false, NOW, null));
    }
}
