package io.agrisense.platform.alert;

import io.agrisense.platform.model.TimedValue;
import io.agrisense.protocol.Metric;
import io.agrisense.protocol.MetricCatalogue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** Evaluates threshold and rate-of-change rules on a reading and words the outcome for people. */
final class MetricConditions {

    private MetricConditions() {
    }

    /** The outcome of one evaluation: whether the (hysteresis-latched) condition holds, and why. */
    record Outcome(boolean holds, Double value, String description) {
    }

    static Outcome threshold(ConditionTrack t, EffectiveRule r, double value) {
        boolean holds = t.latched ? !r.clears(value) : r.raises(value);
        String reading = r.metric() + " " + withUnit(r.metric(), value);
        if (holds) {
            String side = r.direction() == Direction.BELOW ? "at or below " : "at or above ";
            return new Outcome(true, value, reading + " " + side + number(r.raise()));
        }
        if (r.clear() != null) {
            String side = r.direction() == Direction.BELOW ? " at or above " : " at or below ";
            return new Outcome(false, value, reading + side + "the clear level " + number(r.clear()));
        }
        String side = r.direction() == Direction.BELOW ? " back above " : " back below ";
        return new Outcome(false, value, reading + side + number(r.raise()));
    }

    /** The largest move in the watched direction that ends with this reading, within the rule's window. */
    static Outcome rateOfChange(ConditionTrack t, EffectiveRule r, Instant readingTime, double value) {
        t.samples.addLast(new TimedValue(readingTime, value));
        Instant from = readingTime.minus(r.window());
        while (t.samples.peekFirst().time().isBefore(from) || t.samples.size() > ConditionTrack.MAX_SAMPLES) {
            t.samples.removeFirst();
        }
        double extreme = value;
        for (TimedValue s : t.samples) {
            extreme = r.direction() == Direction.RISING ? Math.min(extreme, s.value()) : Math.max(extreme, s.value());
        }
        double change = r.direction() == Direction.RISING ? value - extreme : extreme - value;
        boolean holds = t.latched ? !r.clears(change) : r.raises(change);
        String verb = r.direction() == Direction.RISING ? " rose " : " fell ";
        String window = DurationText.format(r.window());
        String description = r.metric() + verb + withUnit(r.metric(), change) + " within " + window
                + " (now " + withUnit(r.metric(), value) + ")";
        return new Outcome(holds, change, holds ? description
                : r.metric() + " change within " + window + " down to " + withUnit(r.metric(), change));
    }

    static String withUnit(String metric, double value) {
        String unit = MetricCatalogue.lookup(metric).map(Metric::unit).orElse(null);
        return number(value) + (unit == null ? "" : " " + unit);
    }

    static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
