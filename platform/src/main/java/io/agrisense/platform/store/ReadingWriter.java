package io.agrisense.platform.store;

import java.util.List;

/**
 * Writes readings computed on the platform (derived series such as {@code dew_point}) through the same
 * validation, batching and idempotent storage as station telemetry; they are then published on
 * {@code agri.readings.committed} like any other reading. Blocking: call it from a worker thread.
 */
public interface ReadingWriter {

    /**
     * Validates and stores the readings in one committed transaction ({@code profile} is ignored; the station's
     * profile is looked up). Readings with an unknown metric, an implausible value or a bad time are rejected
     * and recorded, not thrown.
     *
     * @throws IllegalStateException when the platform is shutting down, or nothing was committed within 30 s
     *         (database unavailable; the readings may still be stored later, and writing them again is safe)
     */
    WriteResult write(List<StoredReading> readings);
}
