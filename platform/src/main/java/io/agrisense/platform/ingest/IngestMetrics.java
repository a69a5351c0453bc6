package io.agrisense.platform.ingest;

import io.agrisense.platform.metrics.MetricsRegistry;
import io.agrisense.platform.store.MessageOutcome;
import io.agrisense.platform.store.Rejection;
import java.util.List;

/** What the ingest counts for {@code /metrics}: messages, stored/duplicate/rejected readings, batches and commits. */
public final class IngestMetrics {

    final MetricsRegistry.Counter messages;
    final MetricsRegistry.Counter stored;
    final MetricsRegistry.Counter duplicates;
    final MetricsRegistry.Counter rejected;
    final MetricsRegistry.Counter events;
    final MetricsRegistry.Counter writeFailures;
    final MetricsRegistry.Counter statusUpdates;
    final MetricsRegistry.Summary batchMessages;
    final MetricsRegistry.Summary batchReadings;
    final MetricsRegistry.Summary commitSeconds;

    public IngestMetrics(MetricsRegistry registry) {
        messages = registry.counter("agri_ingest_messages_total", "Messages received, by source", "source");
        stored = registry.counter("agri_readings_stored_total", "Readings newly stored");
        duplicates = registry.counter("agri_readings_duplicate_total",
                "Readings already stored with the same value (redeliveries), not stored again");
        rejected = registry.counter("agri_readings_rejected_total", "Readings or messages rejected, by reason", "reason");
        events = registry.counter("agri_station_events_total", "Station event records received");
        statusUpdates = registry.counter("agri_station_status_updates_total", "Station status messages stored");
        writeFailures = registry.counter("agri_ingest_write_failures_total",
                "Batch transactions that failed and are retried (database unavailable)");
        batchMessages = registry.summary("agri_ingest_batch_messages", "Messages per committed batch");
        batchReadings = registry.summary("agri_ingest_batch_readings", "Readings per committed batch");
        commitSeconds = registry.summary("agri_ingest_commit_seconds", "Time to write and commit one batch");
    }

    void received(String source) {
        messages.inc(source);
    }

    void committed(List<MessageOutcome> outcomes, int statuses, int messageCount, int readingCount, double seconds) {
        for (MessageOutcome o : outcomes) {
            stored.add(o.stored().size());
            duplicates.add(o.duplicates());
            events.add(o.events().size());
            for (Rejection r : o.rejections()) {
                rejected.inc(r.code().code());
            }
        }
        statusUpdates.add(statuses);
        batchMessages.observe(messageCount);
        batchReadings.observe(readingCount);
        commitSeconds.observe(seconds);
    }

    public long storedTotal() {
        return stored.value();
    }

    public long duplicatesTotal() {
        return duplicates.value();
    }

    public long rejectedTotal(String reasonCode) {
        return rejected.value(reasonCode);
    }
}
