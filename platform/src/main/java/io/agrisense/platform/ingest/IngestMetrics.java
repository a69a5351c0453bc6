package io.agrisense.platform.ingest;

import io.agrisense.platform.metrics.PlatformMetrics;
import io.agrisense.platform.store.DurableWriter;
import io.agrisense.platform.store.MessageOutcome;
import io.agrisense.platform.store.MessageRows;
import io.agrisense.platform.store.Rejection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the ingest counts for {@code /metrics}: messages and readings received, stored/duplicate/rejected readings,
 * batch sizes and commit times (histograms).
 */
public final class IngestMetrics {

    private final MeterProvider<Counter> messages;
    private final MeterProvider<Counter> received;
    private final Counter stored;
    private final Counter duplicates;
    private final MeterProvider<Counter> rejected;
    private final Counter events;
    private final Counter statusUpdates;
    private final DistributionSummary batchMessages;
    private final DistributionSummary batchReadings;
    private final Timer commitSeconds;
    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        messages = Counter.builder("agri.ingest.messages").description("Messages received, by source")
                .withRegistry(registry);
        received = Counter.builder("agri.readings.received")
                .description("Readings received in messages accepted for storage (stored, duplicate or rejected), by source")
                .withRegistry(registry);
        stored = Counter.builder("agri.readings.stored").description("Readings newly stored").register(registry);
        duplicates = Counter.builder("agri.readings.duplicate")
                .description("Readings already stored with the same value (redeliveries), not stored again").register(registry);
        rejected = Counter.builder("agri.readings.rejected").description("Readings or messages rejected, by reason")
                .withRegistry(registry);
        events = Counter.builder("agri.station.events").description("Station event records received").register(registry);
        statusUpdates = Counter.builder("agri.station.status.updates").description("Station status messages stored")
                .register(registry);
        batchMessages = DistributionSummary.builder("agri.ingest.batch.messages").description("Messages per committed batch")
                .serviceLevelObjectives(PlatformMetrics.SIZES).register(registry);
        batchReadings = DistributionSummary.builder("agri.ingest.batch.readings").description("Readings per committed batch")
                .serviceLevelObjectives(PlatformMetrics.SIZES).register(registry);
        commitSeconds = Timer.builder("agri.ingest.commit").description("Time to write and commit one batch")
                .register(registry);
    }

    /** The writer's state: what waits, for how long without a commit, and failed transactions. */
    void watch(DurableWriter<?, ?> writer) {
        Gauge.builder("agri.ingest.queue.depth", writer, DurableWriter::queued)
                .description("Messages waiting for the next batch").register(registry);
        Gauge.builder("agri.ingest.stalled", writer, w -> w.health().stalled().toNanos() / 1e9).baseUnit("seconds")
                .description("Time since the last commit while messages wait (queued or being committed); 0 when idle")
                .register(registry);
        FunctionCounter.builder("agri.ingest.write.failures", writer, DurableWriter::writeFailures)
                .description("Batch transactions that failed and are retried (database unavailable)").register(registry);
    }

    void received(MessageRows rows) {
        messages.withTags("source", rows.source()).increment();
        received.withTags("source", rows.source()).increment(rows.readings().size() + rows.rejections().size());
    }

    void committed(List<MessageOutcome> outcomes, int statuses, int messageCount, int readingCount, double seconds) {
        for (MessageOutcome o : outcomes) {
            stored.increment(o.stored().size());
            duplicates.increment(o.duplicates());
            events.increment(o.events().size());
            for (Rejection r : o.rejections()) {
                rejected.withTags("reason", r.code().code()).increment();
            }
        }
        statusUpdates.increment(statuses);
        batchMessages.record(messageCount);
        batchReadings.record(readingCount);
        commitSeconds.record((long) (seconds * 1e9), TimeUnit.NANOSECONDS);
    }
}
