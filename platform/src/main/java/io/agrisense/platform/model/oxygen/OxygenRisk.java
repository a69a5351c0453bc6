package io.agrisense.platform.model.oxygen;

import java.time.Instant;
import java.util.Optional;

/**
 * Low dissolved-oxygen outlook for a pond: where it is now and where the night's sag takes it by dawn, when
 * photosynthesis restarts.
 *
 * @param level            level of the current reading
 * @param current          latest dissolved oxygen, mg/L
 * @param projectedLevel   level of the projected minimum
 * @param projectedMinimum lowest value expected until dawn, mg/L (never below 0)
 * @param projectedAt      when that minimum is expected
 * @param trendPerHour     fitted trend in mg/L per hour; 0 without enough samples
 * @param criticalAt       when the sag is projected to cross the critical level, if it does before dawn
 */
public record OxygenRisk(Level level, double current, Level projectedLevel, double projectedMinimum,
                         Instant projectedAt, double trendPerHour, Optional<Instant> criticalAt) {

    public enum Level { NONE, WARNING, CRITICAL }
}
