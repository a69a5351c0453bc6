package io.agrisense.platform.alert;

import java.time.Duration;
import java.util.Map;

/**
 * A validated rule as it applies to one station, its station override already merged in; what the engine
 * evaluates. Levels are inclusive: a 'below 3.0' rule raises at 3.0 and, with clear 3.5, clears at 3.5.
 *
 * @param clear   null for no hysteresis: the alert clears as soon as the raise condition no longer holds
 * @param window  rate_of_change only
 * @param timeout no_data: how long without a reading; station_offline: missing heartbeat (null: status only)
 */
public record EffectiveRule(String id, String name, RuleKind kind, String metric, Severity severity,
                            Direction direction, double raise, Double clear, Duration forDuration,
                            Duration window, Duration timeout, Map<String, Object> action) {

    /**
     * Whether {@code value} raises the condition: a reading for thresholds, the change within the window
     * in the watched direction (positive = bad way) for rates of change.
     */
    boolean raises(double value) {
        return direction == Direction.BELOW ? value <= raise : value >= raise;
    }

    boolean clears(double value) {
        if (direction == Direction.BELOW) {
            return clear == null ? value > raise : value >= clear;
        }
        return clear == null ? value < raise : value <= clear;
    }

    /** The worse of two values in this rule's direction. */
    double worse(double a, double b) {
        return direction == Direction.BELOW ? Math.min(a, b) : Math.max(a, b);
    }

    boolean watchesAnyMetric() {
        return RuleDefinition.ANY_METRIC.equals(metric);
    }

    static EffectiveRule of(RuleDefinition r, StationOverride o) {
        Double raise = o != null && o.raise() != null ? o.raise() : r.raise();
        Double clear = o != null && o.clear() != null ? o.clear() : r.clear();
        Severity severity = o != null && o.severity() != null ? o.severity() : r.severity();
        String forText = o != null && o.forDuration() != null ? o.forDuration() : r.forDuration();
        String window = o != null && o.window() != null ? o.window() : r.window();
        String timeout = o != null && o.timeout() != null ? o.timeout() : r.timeout();
        return new EffectiveRule(r.id(), r.displayName(), r.kind(), r.metric(), severity, r.direction(),
                raise == null ? Double.NaN : raise, clear,
                forText == null ? Duration.ZERO : DurationText.parse(forText),
                window == null ? null : DurationText.parse(window),
                timeout == null ? null : DurationText.parse(timeout),
                r.action() == null ? null : Map.copyOf(r.action()));
    }
}
