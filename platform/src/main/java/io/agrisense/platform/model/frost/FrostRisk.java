package io.agrisense.platform.model.frost;

import java.time.Instant;

/**
 * Tonight's frost outlook for one station.
 *
 * @param level              risk from the projected minimum and the station's thresholds
 * @param currentTemperature latest air temperature, degrees Celsius
 * @param projectedMinimum   lowest air temperature expected until sunrise, degrees Celsius
 * @param projectedAt        when that minimum is expected (sunrise, or now when not cooling)
 * @param coolingPerHour     fitted air temperature trend in degrees per hour (negative when cooling); 0 without trend
 * @param projectedDewPoint  dew point expected at sunrise, or NaN without dew point data
 * @param kind               hoar frost when the air saturates above its minimum, black frost when it stays dry
 * @param trendUsed          false when there were too few recent samples and only the current value counted
 */
public record FrostRisk(Level level, double currentTemperature, double projectedMinimum, Instant projectedAt,
                        double coolingPerHour, double projectedDewPoint, Kind kind, boolean trendUsed) {

    public enum Level { NONE, WATCH, WARNING, CRITICAL }

    /** Frost kinds of Snyder and de Melo-Abreu (2005, FAO Frost Protection, vol. 1, ch. 1). */
    public enum Kind {
        /** Projected minimum stays above 0 degrees Celsius. */
        NONE,
        /** The air reaches its dew point below 0: ice deposits and latent heat slows the cooling. */
        HOAR_FROST,
        /** Dry air falls below 0 without reaching its dew point: no visible frost, no latent heat brake. */
        BLACK_FROST
    }
}
