package io.agrisense.platform.model.warning;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of a live warning after its model looked again: it stands (possibly with a new level, time or
 * figures) or it is resolved because its moment passed or the conditions changed. One rule for every model.
 */
public sealed interface Reassessment {

    enum Cause { MOMENT_PASSED, CONDITIONS_CHANGED }

    record Standing(Warning warning) implements Reassessment {
        public Standing {
            Objects.requireNonNull(warning, "warning");
        }
    }

    record Resolved(Warning previous, Instant at, Cause cause, String reason) implements Reassessment {
        public Resolved {
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A fresh assessment keeps the warning standing; without one it is resolved, as passed when its
     * {@code validUntil} has come, else because the conditions changed.
     */
    static Reassessment of(Warning previous, Optional<Warning> fresh, Instant now) {
        Objects.requireNonNull(previous, "previous");
        if (fresh.isPresent()) {
            return new Standing(fresh.get());
        }
        if (!now.isBefore(previous.validUntil())) {
            return new Resolved(previous, now, Cause.MOMENT_PASSED, previous.hazard().wireName()
                    + " warning for " + previous.subject() + " has passed");
        }
        return new Resolved(previous, now, Cause.CONDITIONS_CHANGED, previous.hazard().wireName()
                + " no longer expected for " + previous.subject() + ": conditions changed");
    }
}
