package io.agrisense.platform.store;

import java.util.List;

/** The outcome of {@link ReadingWriter#write}: how many readings were stored, already present, or rejected and why. */
public record WriteResult(int stored, int duplicates, List<Rejection> rejected) {

    public WriteResult {
        rejected = List.copyOf(rejected);
    }
}
