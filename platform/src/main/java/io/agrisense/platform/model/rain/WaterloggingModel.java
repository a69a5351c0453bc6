package io.agrisense.platform.model.rain;

import static io.agrisense.platform.model.warning.KeyFigure.quantity;

import io.agrisense.platform.model.TimedSeries;
import io.agrisense.platform.model.TimedValue;
import io.agrisense.platform.model.TrendLine;
import io.agrisense.platform.model.warning.Confidence;
import io.agrisense.platform.model.warning.Hazard;
import io.agrisense.platform.model.warning.KeyFigure;
import io.agrisense.platform.model.warning.Reassessment;
import io.agrisense.platform.model.warning.SignalLevel;
import io.agrisense.platform.model.warning.Warning;
import io.agrisense.platform.model.warning.WarningText;
import io.agrisense.protocol.StationId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Waterlogging of the root zone from the soil moisture probe: roots suffocate when the air-filled pore space,
 * saturation minus water content, falls below 10 % by volume (the critical aeration of Wesseling and van Wijk
 * 1957 and Grable 1966, "Soil aeration and plant growth", Adv. Agron. 18:57).
 * <ul>
 *   <li>yellow: the soil is waterlogged now (air below 10 %); orange once it has stayed so for the crop's
 *       tolerance (a profile parameter; 24 h unless set);</li>
 *   <li>blue, ahead: the soil is at or above field capacity and it rains; if the last hour's rain fills the
 *       remaining pores to 10 % air within 12 hours (drainage ignored, which errs early), the warning comes with
 *       the time it will.</li>
 * </ul>
 * Confidence: P(air below 10 %) with a 3 % by volume probe error for the present state; for the projection,
 * P(rain over the horizon fills the pores) with the spread of the last three hourly rain totals and the probe
 * error in millimetres. A warning holds for an hour and is renewed by the readings.
 */
public final class WaterloggingModel {

    public static final double CRITICAL_AIR = 10.0;
    static final double PROBE_ERROR = 3.0;
    static final Duration HORIZON = Duration.ofHours(12);
    static final Duration STALE = Duration.ofHours(1);
    static final Duration HOLD = Duration.ofHours(1);

    /**
     * @param saturation    water content at saturation, % by volume (e.g. {@link SoilTexture#porosity()})
     * @param fieldCapacity water content at field capacity, % by volume
     * @param rootDepth     depth the probe stands for, metres
     * @param tolerance     how long the crop bears waterlogging before the warning turns orange
     */
    public record Soil(double saturation, double fieldCapacity, double rootDepth, Duration tolerance) {
        public Soil {
            Objects.requireNonNull(tolerance, "tolerance");
            if (!(fieldCapacity > 0 && fieldCapacity < saturation && saturation <= 100) || !(rootDepth > 0)
                    || tolerance.isNegative()) {
                throw new IllegalArgumentException("soil needs 0 < field capacity (" + fieldCapacity
                        + " %) < saturation (" + saturation + " %) <= 100, a root depth > 0 (" + rootDepth + " m)"
                        + " and a tolerance >= 0");
            }
        }

        public static Soil of(SoilTexture texture, double fieldCapacity, double rootDepth) {
            return new Soil(texture.porosity(), fieldCapacity, rootDepth, Duration.ofHours(24));
        }
    }

    public record Field(StationId station, ZoneId zone, Soil soil, List<TimedValue> soilMoisture, List<TimedValue> rain) {
        public Field {
            Objects.requireNonNull(soil, "soil");
            soilMoisture = List.copyOf(soilMoisture);
            rain = List.copyOf(rain);
        }
    }

    /** @throws IllegalArgumentException when no soil moisture reading arrived in the hour before {@code now} */
    public Optional<Warning> assess(Field field, Instant now) {
        Soil soil = field.soil();
        TimedValue latest = TimedSeries.latest(field.soilMoisture(), now, STALE).orElseThrow(() ->
                new IllegalArgumentException("no soil moisture reading at " + field.station() + " in the hour before " + now));
        if (latest.value() < 0 || latest.value() > 100) {
            throw new IllegalArgumentException("soil moisture " + latest.value() + " % at " + latest.time() + " is outside 0..100");
        }
        double air = soil.saturation() - latest.value();
        RainWindows rain = RainWindows.of(field.rain(), now);
        double intensity = rain.intensity();
        if (air < CRITICAL_AIR) {
            Instant since = spellStart(field.soilMoisture(), soil, now);
            double hours = TrendLine.hours(since, now);
            boolean tooLong = Duration.between(since, now).compareTo(soil.tolerance()) >= 0;
            List<KeyFigure> figures = List.of(quantity("air_filled_porosity", air, "%"),
                    quantity("waterlogged_hours", hours, "h"), quantity("rain_1h", intensity, "mm"));
            return Optional.of(new Warning(Hazard.WATERLOGGING, "root zone", field.station(),
                    tooLong ? SignalLevel.ORANGE : SignalLevel.YELLOW, now, since, now.plus(HOLD),
                    Confidence.ofMargin(CRITICAL_AIR - air, PROBE_ERROR, "P(air-filled pores below 10 %) with a 3 % probe error"),
                    figures, String.format(Locale.ROOT, "soil waterlogged: %s %% air in the root zone (roots need 10 %%) for %s h;"
                                    + " open the drainage ditches and stop irrigating",
                            WarningText.number(air, 1), WarningText.number(hours, 1))));
        }
        if (latest.value() < soil.fieldCapacity() || intensity <= 0) {
            return Optional.empty();
        }
        double neededMm = (air - CRITICAL_AIR) / 100 * soil.rootDepth() * 1000;
        double hoursToGo = neededMm / intensity;
        double horizon = HORIZON.toMinutes() / 60.0;
        if (hoursToGo > horizon) {
            return Optional.empty();
        }
        double spread = rain.hourlySpread(3);
        double rainSigma = Double.isFinite(spread) ? spread * Math.sqrt(horizon) : 0;
        double probeSigma = PROBE_ERROR / 100 * soil.rootDepth() * 1000;
        double sigma = Math.sqrt(rainSigma * rainSigma + probeSigma * probeSigma);
        Instant expected = now.plusSeconds(Math.round(hoursToGo * 3600));
        List<KeyFigure> figures = List.of(quantity("air_filled_porosity", air, "%"),
                quantity("rain_1h", intensity, "mm"), quantity("pore_space_left", neededMm, "mm"));
        return Optional.of(new Warning(Hazard.WATERLOGGING, "root zone", field.station(), SignalLevel.BLUE, now,
                expected, now.plus(HOLD),
                Confidence.ofMargin(intensity * horizon - neededMm, sigma, String.format(Locale.ROOT,
                        "P(12 h of rain at %s mm/h fills the %s mm of pores left) with %s mm spread from the rain and the probe",
                        WarningText.number(intensity, 1), WarningText.number(neededMm, 0), WarningText.number(sigma, 0))),
                figures, String.format(Locale.ROOT, "soil will be waterlogged about %s at %s mm/h of rain (%s mm of pore"
                                + " space left); open the drainage ditches now",
                        WarningText.about(expected, field.zone()), WarningText.number(intensity, 1), WarningText.number(neededMm, 0))));
    }

    public Reassessment reassess(Warning previous, Field field, Instant now) {
        return Reassessment.of(previous, assess(field, now), now);
    }

    /** The first reading of the current run with air below 10 %. */
    private static Instant spellStart(List<TimedValue> moisture, Soil soil, Instant now) {
        List<TimedValue> all = TimedSeries.between(moisture, Instant.MIN, now);
        Instant start = now;
        for (int i = all.size() - 1; i >= 0 && soil.saturation() - all.get(i).value() < CRITICAL_AIR; i--) {
            start = all.get(i).time();
        }
        return start;
    }
}
