package io.agrisense.platform.model.air;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Valid 1-h means of one pollutant keyed by the start of their hour; an hour without a valid mean is absent.
 * Chinese reports label an hour by its end ("16时" is 15:00-16:00), so hour H's mean is the key H-1.
 */
public record HourlyMeans(NavigableMap<Instant, Double> byHourStart) {

    public HourlyMeans {
        TreeMap<Instant, Double> copy = new TreeMap<>();
        byHourStart.forEach((start, value) -> {
            if (start.getEpochSecond() % 3600 != 0 || start.getNano() != 0) {
                throw new IllegalArgumentException("hourly mean key " + start + " is not the start of an hour");
            }
            if (value == null || !(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("hourly mean " + value + " at " + start + " must be a finite value >= 0");
            }
            copy.put(start, value);
        });
        byHourStart = Collections.unmodifiableNavigableMap(copy);
    }

    public static HourlyMeans of(Map<Instant, Double> byHourStart) {
        return new HourlyMeans(new TreeMap<>(byHourStart));
    }

    public Double at(Instant hourStart) {
        return byHourStart.get(hourStart);
    }
}
