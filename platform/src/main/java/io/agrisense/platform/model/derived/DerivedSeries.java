package io.agrisense.platform.model.derived;

import static io.agrisense.protocol.MetricCatalogue.AIR_PRESSURE;
import static io.agrisense.protocol.MetricCatalogue.AIR_TEMPERATURE;
import static io.agrisense.protocol.MetricCatalogue.AQI_CN;
import static io.agrisense.protocol.MetricCatalogue.AQI_US;
import static io.agrisense.protocol.MetricCatalogue.DEW_POINT;
import static io.agrisense.protocol.MetricCatalogue.DISSOLVED_OXYGEN;
import static io.agrisense.protocol.MetricCatalogue.DO_SATURATION;
import static io.agrisense.protocol.MetricCatalogue.ET0;
import static io.agrisense.protocol.MetricCatalogue.GDD;
import static io.agrisense.protocol.MetricCatalogue.PM10;
import static io.agrisense.protocol.MetricCatalogue.PM2_5;
import static io.agrisense.protocol.MetricCatalogue.RELATIVE_HUMIDITY;
import static io.agrisense.protocol.MetricCatalogue.THI;
import static io.agrisense.protocol.MetricCatalogue.VPD;
import static io.agrisense.protocol.MetricCatalogue.WATER_TEMPERATURE;
import static io.agrisense.protocol.MetricCatalogue.WIND_SPEED;

import io.agrisense.platform.model.DegreeDayProfile;
import io.agrisense.platform.model.DewPoint;
import io.agrisense.platform.model.DissolvedOxygen;
import io.agrisense.platform.model.GrowingDegreeDays;
import io.agrisense.platform.model.StationProfiles;
import io.agrisense.platform.model.TemperatureHumidityIndex;
import io.agrisense.platform.model.VapourPressureDeficit;
import io.agrisense.platform.model.air.ChinaAirQualityIndex;
import io.agrisense.platform.model.air.UsAirQualityIndex;
import io.agrisense.platform.model.evapotranspiration.DailyWeather;
import io.agrisense.platform.model.evapotranspiration.Humidity;
import io.agrisense.platform.model.evapotranspiration.ReferenceEvapotranspiration;
import io.agrisense.platform.model.evapotranspiration.Site;
import io.agrisense.protocol.StationId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides which derived series a station can produce from its latest readings and computes them. Inputs are
 * combined only when they were taken within {@code maxInputSkew} of each other, so a fresh temperature is
 * never paired with yesterday's humidity. Pure: the ingest stream calls it and stores the results.
 */
public final class DerivedSeries {

    public static final Duration DEFAULT_MAX_INPUT_SKEW = Duration.ofMinutes(10);

    /** A model over instantaneous readings: all {@code required} inputs, plus any {@code optional} ones present. */
    private record Derivation(String metric, List<String> required, List<String> optional,
                              Function<Map<String, Double>, Double> model) {

        boolean dependsOn(String input) {
            return required.contains(input) || optional.contains(input);
        }
    }

    private static final List<Derivation> INSTANTANEOUS = List.of(
            new Derivation(DEW_POINT, List.of(AIR_TEMPERATURE, RELATIVE_HUMIDITY), List.of(),
                    in -> in.get(RELATIVE_HUMIDITY) > 0 ? DewPoint.celsius(in.get(AIR_TEMPERATURE), in.get(RELATIVE_HUMIDITY)) : null),
            new Derivation(VPD, List.of(AIR_TEMPERATURE, RELATIVE_HUMIDITY), List.of(),
                    in -> VapourPressureDeficit.kPa(in.get(AIR_TEMPERATURE), in.get(RELATIVE_HUMIDITY))),
            new Derivation(THI, List.of(AIR_TEMPERATURE, RELATIVE_HUMIDITY), List.of(),
                    in -> TemperatureHumidityIndex.of(in.get(AIR_TEMPERATURE), in.get(RELATIVE_HUMIDITY))),
            new Derivation(DO_SATURATION, List.of(DISSOLVED_OXYGEN, WATER_TEMPERATURE), List.of(AIR_PRESSURE),
                    DerivedSeries::oxygenSaturation),
            new Derivation(AQI_CN, List.of(), List.of(PM2_5, PM10),
                    in -> (double) ChinaAirQualityIndex.ofParticulates(in.get(PM2_5), in.get(PM10)).aqi()),
            new Derivation(AQI_US, List.of(), List.of(PM2_5, PM10),
                    in -> (double) UsAirQualityIndex.ofParticulates(in.get(PM2_5), in.get(PM10)).aqi()));

    private final Duration maxInputSkew;

    public DerivedSeries(Duration maxInputSkew) {
        this.maxInputSkew = Objects.requireNonNull(maxInputSkew, "maxInputSkew");
    }

    public DerivedSeries() {
        this(DEFAULT_MAX_INPUT_SKEW);
    }

    /** Every derived series the profile wants that the latest readings allow. */
    public List<DerivedReading> derive(StationId station, String profile, Map<String, LatestReading> latest) {
        return derive(station, profile, latest, null);
    }

    /**
     * Only the derived series that depend on {@code changedMetric}: call it for each new reading so that each
     * derived value is produced once, at the time of its newest input.
     */
    public List<DerivedReading> deriveAfter(StationId station, String profile, Map<String, LatestReading> latest,
                                            String changedMetric) {
        return derive(station, profile, latest, Objects.requireNonNull(changedMetric, "changedMetric"));
    }

    private List<DerivedReading> derive(StationId station, String profile, Map<String, LatestReading> latest,
                                        String changedMetric) {
        Set<String> wanted = StationProfiles.derivedMetrics(profile);
        List<DerivedReading> out = new ArrayList<>();
        for (Derivation d : INSTANTANEOUS) {
            if (!wanted.contains(d.metric()) || (changedMetric != null && !d.dependsOn(changedMetric))) {
                continue;
            }
            List<LatestReading> inputs = coherentInputs(d, latest);
            if (inputs.isEmpty()) {
                continue;
            }
            Map<String, Double> values = new HashMap<>();
            inputs.forEach(r -> values.put(r.metric(), r.value()));
            Double value = d.model().apply(values);
            if (value != null && Double.isFinite(value)) {
                Instant time = inputs.stream().map(LatestReading::time).max(Comparator.naturalOrder()).orElseThrow();
                out.add(new DerivedReading(station, d.metric(), time, value,
                        inputs.stream().map(LatestReading::metric).toList()));
            }
        }
        return out;
    }

    /** The inputs to use, or empty when a required one is missing or too far in time from the others. */
    private List<LatestReading> coherentInputs(Derivation d, Map<String, LatestReading> latest) {
        List<LatestReading> candidates = new ArrayList<>();
        for (String metric : d.required()) {
            LatestReading r = latest.get(metric);
            if (r == null) {
                return List.of();
            }
            candidates.add(r);
        }
        for (String metric : d.optional()) {
            LatestReading r = latest.get(metric);
            if (r != null) {
                candidates.add(r);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        Instant anchor = (d.required().isEmpty() ? candidates : candidates.subList(0, d.required().size())).stream()
                .map(LatestReading::time).max(Comparator.naturalOrder()).orElseThrow();
        List<LatestReading> coherent = new ArrayList<>();
        for (LatestReading r : candidates) {
            boolean close = Duration.between(r.time(), anchor).abs().compareTo(maxInputSkew) <= 0;
            if (close) {
                coherent.add(r);
            } else if (d.required().contains(r.metric())) {
                return List.of();
            }
        }
        return coherent;
    }

    private static Double oxygenSaturation(Map<String, Double> in) {
        Double pressurePa = in.get(AIR_PRESSURE);
        double temperature = in.get(WATER_TEMPERATURE);
        double dissolved = in.get(DISSOLVED_OXYGEN);
        return pressurePa == null
                ? DissolvedOxygen.percentSaturation(dissolved, temperature)
                : DissolvedOxygen.percentSaturation(dissolved, temperature, pressurePa / 1000);
    }

    /**
     * Daily models, run once a day on the day's aggregates: accumulated degree days and ET0.
     *
     * @param gddProfile        the crop or pest model, or null for none
     * @param accumulatedBefore degree days accumulated up to the previous day
     * @param site              the station's position, or null when unknown (no ET0)
     * @param endOfDay          the time to store the values at
     */
    public List<DerivedReading> deriveDaily(StationId station, String profile, DailyWeather day,
                                            DegreeDayProfile gddProfile, double accumulatedBefore, Site site,
                                            Instant endOfDay) {
        Set<String> wanted = StationProfiles.derivedMetrics(profile);
        List<DerivedReading> out = new ArrayList<>();
        if (wanted.contains(GDD) && gddProfile != null) {
            double today = GrowingDegreeDays.daily(new GrowingDegreeDays.DailyExtremes(day.tMax(), day.tMin()), gddProfile);
            out.add(new DerivedReading(station, GDD, endOfDay, accumulatedBefore + today, List.of(AIR_TEMPERATURE)));
        }
        if (wanted.contains(ET0) && site != null) {
            double et0 = ReferenceEvapotranspiration.daily(site, day).et0();
            List<String> inputs = new ArrayList<>(List.of(AIR_TEMPERATURE));
            if (!(day.humidity() instanceof Humidity.Missing)) {
                inputs.add(RELATIVE_HUMIDITY);
            }
            if (day.wind() != null) {
                inputs.add(WIND_SPEED);
            }
            out.add(new DerivedReading(station, ET0, endOfDay, et0, inputs));
        }
        return out;
    }
}
