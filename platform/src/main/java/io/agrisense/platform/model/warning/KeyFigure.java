package io.agrisense.platform.model.warning;

import java.time.Instant;
import java.util.Objects;

/** A number or a moment that backs a warning, shown with it (projected minimum, crossing time, 3 h rain...). */
public sealed interface KeyFigure {

    String name();

    /** A value with its unit (UCUM-like: "Cel", "mg/L", "mm", "h", "m/s", "K.d" for degree days). */
    record Quantity(String name, double value, String unit) implements KeyFigure {
        public Quantity {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("figure '" + name + "' must be finite, got " + value);
            }
        }
    }

    /** A point in time (crossing, minimum, aerator start...). */
    record Moment(String name, Instant at) implements KeyFigure {
        public Moment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(at, "at");
        }
    }

    static Quantity quantity(String name, double value, String unit) {
        return new Quantity(name, value, unit);
    }

    static Moment moment(String name, Instant at) {
        return new Moment(name, at);
    }
}
