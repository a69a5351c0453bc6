package io.agrisense.platform.ingest;

import io.agrisense.platform.store.StoredReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The readings newly stored by one committed transaction (never duplicates), in the order they arrived;
 * published locally on {@link IngestEvents#READINGS_COMMITTED}. {@code receivedAt} holds, for each reading, when
 * the platform received the message that carried it (null where unknown), so that consumers such as the alert
 * engine can measure their latency from the reading's arrival.
 */
public record ReadingBatch(List<StoredReading> readings, List<Instant> receivedAt) {

    public ReadingBatch {
        readings = List.copyOf(readings);
        if (receivedAt == null) {
            receivedAt = Collections.nCopies(readings.size(), null);
        } else if (receivedAt.size() != readings.size()) {
            throw new IllegalArgumentException(receivedAt.size() + " receive times for " + readings.size() + " readings");
        } else {
            receivedAt = Collections.unmodifiableList(new ArrayList<>(receivedAt));
        }
    }

    public ReadingBatch(List<StoredReading> readings) {
        this(readings, null);
    }

    /** When the platform received reading {@code i}, or null when unknown. */
    public Instant receivedAt(int i) {
        return receivedAt.get(i);
    }
}
