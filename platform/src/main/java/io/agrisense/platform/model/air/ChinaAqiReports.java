package io.agrisense.platform.model.air;

import static io.agrisense.platform.model.air.ChinaAirQualityIndex.Basis.CO_1H;
import static io.agrisense.platform.model.air.ChinaAirQualityIndex.Basis.CO_24H;
import static io.agrisense.platform.model.air.ChinaAirQualityIndex.Basis.NO2_1H;
import static io.agrisense.platform.model.air.ChinaAirQualityIndex.Basis.NO2_24H;
import static io.agrisense.platform.model.air.ChinaAirQualityIndex.Basis.O3_1H;
import static io.agrisense.platform.model.air.ChinaAirQualityIndex.Basis.O3_8H;
import static io.agrisense.platform.model.air.ChinaAirQualityIndex.Basis.PM10_1H;
import static io.agrisense.platform.model.air.ChinaAirQualityIndex.Basis.PM10_24H;
import static io.agrisense.platform.model.air.ChinaAirQualityIndex.Basis.PM2_5_1H;
import static io.agrisense.platform.model.air.ChinaAirQualityIndex.Basis.PM2_5_24H;
import static io.agrisense.platform.model.air.ChinaAirQualityIndex.Basis.SO2_1H;
import static io.agrisense.platform.model.air.ChinaAirQualityIndex.Basis.SO2_24H;

import io.agrisense.platform.model.air.ChinaAirQualityIndex.Basis;
import io.agrisense.platform.model.air.ChinaAirQualityIndex.SubIndex;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The real-time (hourly) and daily reports of HJ 633-2012 §5: which averages each publishes, which of them are
 * indexed, and the substitutions of Table 1 notes 2 and 3. Only pollutants the station measures (present in the
 * input) appear; an average without enough data is withheld with the reason and its IAQI is not computed.
 */
public final class ChinaAqiReports {

    /**
     * Which particulate concentration the real-time AQI indexes. HJ 633-2012 publishes both the 1-h and the 24-h
     * moving mean in the real-time report but gives only 24-h breakpoints; the national real-time release indexes
     * the 1-h value on them ({@code HOURLY}). {@code MOVING_24H} indexes the 24-h moving mean instead.
     */
    public enum ParticulateBasis { HOURLY, MOVING_24H }

    /**
     * @param averages every average the report publishes or withholds, by column
     * @param index    the AQI, or empty when no IAQI could be computed
     * @param withheld why an IAQI the report should hold is missing, by column
     */
    public record Report(Instant from, Instant to, Map<Basis, Average> averages,
                         Optional<ChinaAirQualityIndex.Result> index, Map<Basis, String> withheld) {

        public Report {
            averages = Map.copyOf(averages);
            withheld = Map.copyOf(withheld);
        }
    }

    private ChinaAqiReports() {
    }

    /**
     * The real-time report for the hour ending at {@code hourEnd}: 1-h means of all six pollutants, the O3
     * 8-h and PM 24-h moving means; indexed are SO2, NO2, CO and O3 1-h and the particulates per {@code pm}. The SO2
     * 24-h moving mean is computed only to stand in for a 1-h value above 800 ug/m3 (note 2).
     */
    public static Report realTime(Map<AirPollutant, HourlyMeans> hourly, Instant hourEnd, ParticulateBasis pm) {
        Map<Basis, Average> averages = new EnumMap<>(Basis.class);
        put(averages, hourly, SO2_1H, h -> ConcentrationAverages.hour(h, hourEnd));
        put(averages, hourly, NO2_1H, h -> ConcentrationAverages.hour(h, hourEnd));
        put(averages, hourly, CO_1H, h -> ConcentrationAverages.hour(h, hourEnd));
        put(averages, hourly, O3_1H, h -> ConcentrationAverages.hour(h, hourEnd));
        put(averages, hourly, O3_8H, h -> ConcentrationAverages.moving8h(h, hourEnd));
        for (Basis b : List.of(PM10_1H, PM2_5_1H)) {
            put(averages, hourly, b, h -> ConcentrationAverages.hour(h, hourEnd));
        }
        for (Basis b : List.of(PM10_24H, PM2_5_24H)) {
            put(averages, hourly, b, h -> ConcentrationAverages.moving24h(h, hourEnd));
        }
        Average so2Day = hourly.containsKey(AirPollutant.SO2)
                ? ConcentrationAverages.moving24h(hourly.get(AirPollutant.SO2), hourEnd) : null;

        List<Basis> indexed = new ArrayList<>(List.of(NO2_1H, CO_1H, O3_1H));
        indexed.addAll(pm == ParticulateBasis.HOURLY ? List.of(PM10_1H, PM2_5_1H) : List.of(PM10_24H, PM2_5_24H));
        return assemble(hourEnd.minus(Duration.ofHours(1)), hourEnd, averages, indexed, so2Day);
    }

    /**
     * The daily report of a civil day: 24-h means of SO2, NO2, CO, PM10 and PM2.5, the largest 1-h O3 and the
     * largest 8-h moving O3, all indexed; an 8-h O3 above 800 ug/m3 reports the 1-h O3 IAQI (note 3).
     */
    public static Report daily(Map<AirPollutant, HourlyMeans> hourly, LocalDate day, ZoneId zone) {
        Map<Basis, Average> averages = new EnumMap<>(Basis.class);
        for (Basis b : List.of(SO2_24H, NO2_24H, CO_24H, PM10_24H, PM2_5_24H)) {
            put(averages, hourly, b, h -> ConcentrationAverages.dailyMean(h, day, zone));
        }
        put(averages, hourly, O3_1H, h -> ConcentrationAverages.dailyMax1h(h, day, zone));
        put(averages, hourly, O3_8H, h -> ConcentrationAverages.dailyMax8h(h, day, zone));
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        return assemble(from, to, averages, List.of(SO2_24H, NO2_24H, CO_24H, PM10_24H, PM2_5_24H, O3_1H, O3_8H), null);
    }

    private static Report assemble(Instant from, Instant to, Map<Basis, Average> averages, List<Basis> indexed,
                                   Average so2DayForNote2) {
        List<SubIndex> subIndices = new ArrayList<>();
        Map<Basis, String> withheld = new EnumMap<>(Basis.class);
        List<Basis> candidates = new ArrayList<>(indexed);
        if (so2DayForNote2 != null) {
            candidates.add(0, SO2_1H);
        }
        for (Basis basis : candidates) {
            Average average = averages.get(basis);
            if (average == null) {
                continue; // not measured at this station
            }
            if (average instanceof Average.Withheld w) {
                withheld.put(basis, w.reason());
                continue;
            }
            double c = ((Average.Published) average).value();
            if (basis.indexes(c)) {
                subIndices.add(ChinaAirQualityIndex.subIndex(basis, c));
            } else if (basis == SO2_1H) {
                substitute(subIndices, withheld, basis, c, SO2_24H, so2DayForNote2, "note 2");
            } else if (basis == O3_8H) {
                substitute(subIndices, withheld, basis, c, O3_1H, averages.get(O3_1H), "note 3");
            }
        }
        return new Report(from, to, averages, ChinaAirQualityIndex.combine(subIndices), withheld);
    }

    /** Table 1 notes 2 and 3: a value above its column's last breakpoint reports the IAQI of the other average. */
    private static void substitute(List<SubIndex> subIndices, Map<Basis, String> withheld, Basis basis, double c,
                                   Basis other, Average otherAverage, String note) {
        String why = String.format(Locale.ROOT, "%s %s is above 800 ug/m3 (HJ 633-2012 Table 1 %s)",
                basis.label(), c, note);
        if (otherAverage instanceof Average.Published p) {
            SubIndex stand = ChinaAirQualityIndex.subIndex(other, p.value());
            if (basis == SO2_1H) {
                subIndices.add(new SubIndex(other, p.value(), stand.iaqi(), stand.beyondScale(),
                        why + ": reported by the " + other.label() + " IAQI"));
            } else {
                subIndices.add(new SubIndex(basis, c, stand.iaqi(), stand.beyondScale(),
                        why + ": reported with the " + other.label() + " IAQI"));
            }
        } else {
            withheld.put(basis, why + " and there is no valid " + other.label() + " to report instead");
        }
    }

    private static void put(Map<Basis, Average> averages, Map<AirPollutant, HourlyMeans> hourly, Basis basis,
                            Function<HourlyMeans, Average> average) {
        HourlyMeans means = hourly.get(basis.pollutant());
        if (means != null) {
            averages.put(basis, average.apply(means));
        }
    }
}
