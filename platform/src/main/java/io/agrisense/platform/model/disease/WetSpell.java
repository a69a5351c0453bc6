package io.agrisense.platform.model.disease;

import io.agrisense.platform.model.TimedSeries;
import io.agrisense.platform.model.TimedValue;
import io.agrisense.platform.model.TrendLine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A spell of leaf wetness and the mean air temperature during it. A leaf wetness reading (percent of the sensor
 * wet) stands for the time until the next reading, but no longer than {@code maxStep}; the leaf counts as wet at
 * or above the threshold.
 */
public record WetSpell(Instant start, Instant end, double meanTemperature) {

    public double hours() {
        return TrendLine.hours(start, end);
    }

    /**
     * The wet spells up to {@code now}, oldest first, joining spells whose dry break is no longer than
     * {@code dryInterruption}; spells without a temperature reading in them are left out.
     */
    public static List<WetSpell> of(List<TimedValue> leafWetness, List<TimedValue> airTemperature, double wetThreshold,
                                    Duration maxStep, Duration dryInterruption, Instant now) {
        List<TimedValue> readings = TimedSeries.between(leafWetness, Instant.MIN, now);
        List<Instant[]> wet = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            TimedValue r = readings.get(i);
            if (r.value() < 0 || r.value() > 100) {
                throw new IllegalArgumentException("leaf wetness " + r.value() + " % at " + r.time() + " is outside 0..100");
            }
            if (r.value() < wetThreshold) {
                continue;
            }
            Instant next = i + 1 < readings.size() ? readings.get(i + 1).time() : now;
            Instant end = next.isAfter(r.time().plus(maxStep)) ? r.time().plus(maxStep) : next;
            if (!wet.isEmpty() && !r.time().isAfter(wet.get(wet.size() - 1)[1].plus(dryInterruption))) {
                wet.get(wet.size() - 1)[1] = end; // continues, or a short dry break bridged
            } else {
                wet.add(new Instant[]{r.time(), end});
            }
        }
        List<WetSpell> spells = new ArrayList<>();
        for (Instant[] w : wet) {
            OptionalDouble mean = TimedSeries.mean(TimedSeries.between(airTemperature, w[0], w[1]));
            if (mean.isPresent() && w[1].isAfter(w[0])) {
                spells.add(new WetSpell(w[0], w[1], mean.getAsDouble()));
            }
        }
        return spells;
    }
}
