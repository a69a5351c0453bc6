package io.agrisense.platform.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The US EPA Air Quality Index for particulate matter with the PM2.5 breakpoints of the February 2024 PM
 * NAAQS revision (effective 6 May 2024; EPA-454/B-24-002 Table 6). Concentrations are 24-hour means (or a
 * NowCast); PM2.5 is truncated to 0.1 ug/m3 and PM10 to 1 ug/m3 before indexing, and the index is rounded to
 * the nearest integer, as the Technical Assistance Document prescribes.
 */
public final class UsAirQualityIndex {

    private static final IndexScale PM2_5 = IndexScale.rows(new double[][]{
            {0.0, 9.0, 0, 50}, {9.1, 35.4, 51, 100}, {35.5, 55.4, 101, 150},
            {55.5, 125.4, 151, 200}, {125.5, 225.4, 201, 300}, {225.5, 325.4, 301, 500}});
    private static final IndexScale PM10 = IndexScale.rows(new double[][]{
            {0, 54, 0, 50}, {55, 154, 51, 100}, {155, 254, 101, 150},
            {255, 354, 151, 200}, {355, 424, 201, 300}, {425, 604, 301, 500}});

    public enum Category {
        GOOD, MODERATE, UNHEALTHY_FOR_SENSITIVE_GROUPS, UNHEALTHY, VERY_UNHEALTHY, HAZARDOUS;

        public static Category of(int aqi) {
            return values()[IndexScale.band(aqi)];
        }
    }

    /**
     * @param aqi                the index, 0..500
     * @param subIndices         index per pollutant given
     * @param responsiblePollutant the pollutant with the highest index (first of PM2.5, PM10 on a tie)
     * @param beyondScale        a concentration exceeded the top breakpoint ("beyond the AQI"); capped at 500
     */
    public record Result(int aqi, Category category, Map<String, Integer> subIndices, String responsiblePollutant,
                         boolean beyondScale) {
    }

    private UsAirQualityIndex() {
    }

    public static int pm25SubIndex(double concentration) {
        return roundHalfUp(PM2_5.index(truncate(concentration, 1)));
    }

    public static int pm10SubIndex(double concentration) {
        return roundHalfUp(PM10.index(truncate(concentration, 0)));
    }

    public static Result of(Double pm25, Double pm10) {
        if (pm25 == null && pm10 == null) {
            throw new IllegalArgumentException("AQI needs at least one of pm2_5 and pm10");
        }
        Map<String, Integer> sub = new LinkedHashMap<>();
        boolean beyond = false;
        if (pm25 != null) {
            sub.put("pm2_5", pm25SubIndex(pm25));
            beyond = PM2_5.beyond(truncate(pm25, 1));
        }
        if (pm10 != null) {
            sub.put("pm10", pm10SubIndex(pm10));
            beyond |= PM10.beyond(truncate(pm10, 0));
        }
        String responsible = null;
        int aqi = -1;
        for (Map.Entry<String, Integer> e : sub.entrySet()) {
            if (e.getValue() > aqi) {
                aqi = e.getValue();
                responsible = e.getKey();
            }
        }
        return new Result(aqi, Category.of(aqi), Map.copyOf(sub), responsible, beyond);
    }

    /**
     * EPA NowCast for PM (TAD 2024, "How the NowCast is calculated"): weight factor w = max(min/max, 0.5) over
     * the last 12 hourly means, NowCast = sum(w^(i-1) c_i) / sum(w^(i-1)), i = 1 the most recent hour.
     *
     * @param hourlyNewestFirst up to 12 hourly means, most recent first; null marks a missing hour
     * @return empty unless at least two of the three most recent hours are present
     */
    public static OptionalDouble nowCast(List<Double> hourlyNewestFirst) {
        List<Double> hours = hourlyNewestFirst.subList(0, Math.min(12, hourlyNewestFirst.size()));
        long recentPresent = hours.subList(0, Math.min(3, hours.size())).stream().filter(v -> v != null).count();
        if (recentPresent < 2) {
            return OptionalDouble.empty();
        }
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Double c : hours) {
            if (c != null) {
                min = Math.min(min, c);
                max = Math.max(max, c);
            }
        }
        double w = max <= 0 ? 1 : Math.max(min / max, 0.5);
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < hours.size(); i++) {
            Double c = hours.get(i);
            if (c != null) {
                double weight = Math.pow(w, i);
                numerator += weight * c;
                denominator += weight;
            }
        }
        return OptionalDouble.of(numerator / denominator);
    }

    static double truncate(double concentration, int decimals) {
        if (!(concentration >= 0) || Double.isInfinite(concentration)) {
            throw new IllegalArgumentException("concentration " + concentration + " must be a finite value >= 0");
        }
        return BigDecimal.valueOf(concentration).setScale(decimals, RoundingMode.DOWN).doubleValue();
    }

    private static int roundHalfUp(double index) {
        return (int) Math.floor(index + 0.5 + 1e-9);
    }
}
