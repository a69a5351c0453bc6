package io.agrisense.platform.ingest;

import java.util.List;

/**
 * The readings newly stored by one committed transaction (never duplicates), in the order they arrived;
 * published locally on {@link IngestEvents#READINGS_COMMITTED}.
 */
public record ReadingBatch(List<StoredReading> readings) {

    public ReadingBatch {
        readings = List.copyOf(readings);
    }
}
