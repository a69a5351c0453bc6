package io.agrisense.platform.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * China's air quality index from particulate matter by HJ 633-2012 ("Technical Regulation on Ambient Air
 * Quality Index"), Table 1 breakpoints for 24-hour means. The standard gives no 1-hour breakpoints for PM, so
 * hourly (real-time) concentrations are indexed on the same scale. IAQI and AQI are rounded up to integers
 * (HJ 633-2012: results are carried up, no decimals); AQI is the largest IAQI (eq. 2); the primary pollutant
 * is named when AQI exceeds 50.
 */
public final class ChinaAirQualityIndex {

    private static final int[] IAQI = {0, 50, 100, 150, 200, 300, 400, 500};
    private static final IndexScale PM2_5 = IndexScale.continuous(new double[]{0, 35, 75, 115, 150, 250, 350, 500}, IAQI);
    private static final IndexScale PM10 = IndexScale.continuous(new double[]{0, 50, 150, 250, 350, 420, 500, 600}, IAQI);

    /** HJ 633-2012 Table 2 categories. */
    public enum Category {
        EXCELLENT("优", "I"), GOOD("良", "II"), LIGHTLY_POLLUTED("轻度污染", "III"),
        MODERATELY_POLLUTED("中度污染", "IV"), HEAVILY_POLLUTED("重度污染", "V"), SEVERELY_POLLUTED("严重污染", "VI");

        private final String label;
        private final String grade;

        Category(String label, String grade) {
            this.label = label;
            this.grade = grade;
        }

        public String label() {
            return label;
        }

        public String grade() {
            return grade;
        }

        public static Category of(int aqi) {
            return values()[IndexScale.band(aqi)];
        }
    }

    /**
     * @param aqi               the index, 0..500
     * @param subIndices        IAQI per pollutant given (metric name to IAQI)
     * @param primaryPollutants pollutants with the largest IAQI when AQI > 50, else empty
     * @param beyondScale       a concentration exceeded the top breakpoint; the index is capped at 500
     */
    public record Result(int aqi, Category category, Map<String, Integer> subIndices, List<String> primaryPollutants,
                         boolean beyondScale) {
    }

    private ChinaAirQualityIndex() {
    }

    /** IAQI of a PM2.5 concentration in ug/m3. */
    public static int pm25SubIndex(double concentration) {
        return roundUp(PM2_5.index(concentration));
    }

    /** IAQI of a PM10 concentration in ug/m3. */
    public static int pm10SubIndex(double concentration) {
        return roundUp(PM10.index(concentration));
    }

    /** AQI from whichever of PM2.5 and PM10 (ug/m3) is known; null means not measured. */
    public static Result of(Double pm25, Double pm10) {
        if (pm25 == null && pm10 == null) {
            throw new IllegalArgumentException("AQI needs at least one of pm2_5 and pm10");
        }
        Map<String, Integer> sub = new LinkedHashMap<>();
        boolean beyond = false;
        if (pm25 != null) {
            sub.put("pm2_5", pm25SubIndex(pm25));
            beyond = PM2_5.beyond(pm25);
        }
        if (pm10 != null) {
            sub.put("pm10", pm10SubIndex(pm10));
            beyond |= PM10.beyond(pm10);
        }
        int aqi = sub.values().stream().mapToInt(Integer::intValue).max().orElseThrow(); // HJ 633-2012 eq. 2
        List<String> primary = new ArrayList<>();
        if (aqi > 50) {
            sub.forEach((pollutant, iaqi) -> {
                if (iaqi == aqi) {
                    primary.add(pollutant);
                }
            });
        }
        return new Result(aqi, Category.of(aqi), Map.copyOf(sub), List.copyOf(primary), beyond);
    }

    private static int roundUp(double index) {
        return (int) Math.ceil(index - 1e-9); // carried up to an integer; the epsilon absorbs float noise at breakpoints
    }
}
