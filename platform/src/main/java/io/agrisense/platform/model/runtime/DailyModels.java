package io.agrisense.platform.model.runtime;

import io.agrisense.platform.model.DegreeDayProfile;
import io.agrisense.platform.model.GrowingDegreeDays;
import io.agrisense.platform.model.StationProfiles;
import io.agrisense.platform.model.evapotranspiration.DailyWeather;
import io.agrisense.platform.model.evapotranspiration.Humidity;
import io.agrisense.platform.model.evapotranspiration.Radiation;
import io.agrisense.platform.model.evapotranspiration.WindSpeed;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pure part of the daily models: which crop a profile's degree days follow, a station's local day, and one
 * day's weather summary from the day's aggregates, or why there is none.
 */
public final class DailyModels {

    /** The programme's province (Hubei) keeps China Standard Time (Asia/Shanghai): UTC+8, no daylight saving. */
    public static final ZoneOffset PROVINCE_TIME = ZoneOffset.ofHours(8);
    /** A day counts when its air temperature was read at least this often over at least {@link #MIN_SPAN}. */
    static final int MIN_READINGS = 12;
    static final Duration MIN_SPAN = Duration.ofHours(18);

    /**
     * Base temperatures: tomato 10 °C with a 30 °C cutoff; citrus 12.8 °C (55 °F, the usual base for citrus
     * phenology); tea 10 °C.
     */
    private static final Map<String, DegreeDayProfile> CROPS = Map.of(
            StationProfiles.GREENHOUSE, new DegreeDayProfile("greenhouse tomato", 10, 30.0, GrowingDegreeDays.Method.AVERAGE, List.of()),
            StationProfiles.ORCHARD, new DegreeDayProfile("citrus", 12.8, null, GrowingDegreeDays.Method.AVERAGE, List.of()),
            StationProfiles.TEA_GARDEN, new DegreeDayProfile("tea", 10, null, GrowingDegreeDays.Method.AVERAGE, List.of()));

    private DailyModels() {
    }

    public static Optional<DegreeDayProfile> crop(String profile) {
        return Optional.ofNullable(profile == null ? null : CROPS.get(profile));
    }

    /**
     * A station's days follow the programme's civil time (China Standard Time, UTC+8, as operators read the
     * dashboard), wherever in the provinces it stands.
     */
    public static ZoneOffset zone() {
        return PROVINCE_TIME;
    }

    /** One metric's aggregates over a day. */
    public record Aggregate(double min, double max, double mean, long count, Duration span) {
    }

    /** A day's weather summary, or the reason there is none. */
    public record Outcome(DailyWeather weather, String skipped) {
    }

    /**
     * FAO-56 inputs: extremes of air temperature; relative humidity extremes when measured (eq. 17) or FAO-56's
     * Tdew ~ Tmin otherwise; the mean wind speed, taken as measured at 2 m; radiation from the temperature range
     * (Hargreaves, eq. 50), since stations have no pyranometer.
     */
    public static Outcome weather(LocalDate day, Aggregate air, Aggregate humidity, Aggregate wind) {
        if (air == null || air.count() == 0) {
            return new Outcome(null, "no air_temperature readings on " + day);
        }
        if (air.count() < MIN_READINGS || air.span().compareTo(MIN_SPAN) < 0) {
            return new Outcome(null, "air_temperature on " + day + " covers only " + air.span().toMinutes() + " min in "
                    + air.count() + " readings (a day needs " + MIN_READINGS + " over " + MIN_SPAN.toHours() + " h)");
        }
        Humidity h = humidity != null && humidity.count() >= MIN_READINGS
                ? new Humidity.Extremes(Math.min(100, humidity.max()), Math.max(1, humidity.min()))
                : new Humidity.Missing();
        WindSpeed w = wind != null && wind.count() >= MIN_READINGS ? new WindSpeed(Math.max(0, wind.mean()), 2.0) : null;
        return new Outcome(new DailyWeather(day, air.max(), air.min(), h, w, new Radiation.FromTemperatureRange()), null);
    }
}
