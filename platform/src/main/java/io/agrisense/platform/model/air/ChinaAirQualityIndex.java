package io.agrisense.platform.model.air;

import static io.agrisense.platform.model.air.AirPollutant.CO;
import static io.agrisense.platform.model.air.AirPollutant.NO2;
import static io.agrisense.platform.model.air.AirPollutant.O3;
import static io.agrisense.platform.model.air.AirPollutant.PM10;
import static io.agrisense.platform.model.air.AirPollutant.PM2_5;
import static io.agrisense.platform.model.air.AirPollutant.SO2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * China's air quality index by HJ 633-2012 ("Technical Regulation on Ambient Air Quality Index"): the individual
 * index (IAQI) of each concentration by the Table 1 breakpoints and eq. 1, carried up to an integer; the AQI is the
 * largest IAQI (eq. 2); primary pollutants are those with that IAQI when AQI > 50; category and grade by Table 2.
 * Which averages enter a real-time or daily report, and the two substitutions of Table 1's notes, are in
 * {@link ChinaAqiReports}.
 */
public final class ChinaAirQualityIndex {

    private static final int[] IAQI = {0, 50, 100, 150, 200, 300, 400, 500};
    private static final double[] PM10_TABLE = {0, 50, 150, 250, 350, 420, 500, 600};
    private static final double[] PM2_5_TABLE = {0, 35, 75, 115, 150, 250, 350, 500};

    /**
     * The concentration columns of HJ 633-2012 Table 1, ug/m3 (CO mg/m3). The standard has no 1-h breakpoints for
     * particulate matter: the real-time report indexes the 1-h value on the 24-h scale, which is what the
     * {@code _1H} particulate bases do.
     */
    public enum Basis {
        SO2_24H("so2_24h", SO2, 0, 50, 150, 475, 800, 1600, 2100, 2620),
        /** Table 1 note 2: above 800 ug/m3 the 1-h value is not indexed; the 24-h IAQI is reported instead. */
        SO2_1H("so2_1h", SO2, 0, 150, 500, 650, 800),
        NO2_24H("no2_24h", NO2, 0, 40, 80, 180, 280, 565, 750, 940),
        NO2_1H("no2_1h", NO2, 0, 100, 200, 700, 1200, 2340, 3090, 3840),
        PM10_24H("pm10_24h", PM10, PM10_TABLE),
        PM10_1H("pm10_1h", PM10, PM10_TABLE),
        CO_24H("co_24h", CO, 0, 2, 4, 14, 24, 36, 48, 60),
        CO_1H("co_1h", CO, 0, 5, 10, 35, 60, 90, 120, 150),
        O3_1H("o3_1h", O3, 0, 160, 200, 300, 400, 800, 1000, 1200),
        /** Table 1 note 3: above 800 ug/m3 the 8-h value is not indexed; the 1-h IAQI is reported instead. */
        O3_8H("o3_8h", O3, 0, 100, 160, 215, 265, 800),
        PM2_5_24H("pm2_5_24h", PM2_5, PM2_5_TABLE),
        PM2_5_1H("pm2_5_1h", PM2_5, PM2_5_TABLE);

        private final String label;
        private final AirPollutant pollutant;
        private final IndexScale scale;

        Basis(String label, AirPollutant pollutant, double... breakpoints) {
            this.label = label;
            this.pollutant = pollutant;
            this.scale = IndexScale.continuous(breakpoints, Arrays.copyOf(IAQI, breakpoints.length));
        }

        public String label() {
            return label;
        }

        public AirPollutant pollutant() {
            return pollutant;
        }

        /** Whether Table 1 indexes this concentration; false only above the last breakpoint of SO2 1-h and O3 8-h. */
        public boolean indexes(double concentration) {
            boolean truncatedColumn = scale.topIndex() < 500;
            return !(truncatedColumn && scale.beyond(concentration));
        }
    }

    /** HJ 633-2012 Table 2: category, its Chinese name and the grade (一级..六级 as I..VI). */
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
     * One IAQI.
     *
     * @param basis         the column it was read from (the 24-h one when note 2 substituted it)
     * @param concentration the concentration indexed
     * @param beyondScale   above the last breakpoint of its column: the IAQI is capped at 500
     * @param note          why a substitution was made, or empty
     */
    public record SubIndex(Basis basis, double concentration, int iaqi, boolean beyondScale, String note) {
    }

    /**
     * @param primaryPollutants the bases with the largest IAQI when AQI > 50, else empty (HJ 633-2012 §4)
     * @param beyondScale       some concentration exceeded the top of Table 1; the AQI is capped at 500
     */
    public record Result(int aqi, Category category, List<SubIndex> subIndices, List<Basis> primaryPollutants,
                         boolean beyondScale) {

        public Result {
            subIndices = List.copyOf(subIndices);
            primaryPollutants = List.copyOf(primaryPollutants);
        }

        public Optional<SubIndex> subIndex(Basis basis) {
            return subIndices.stream().filter(s -> s.basis() == basis).findFirst();
        }
    }

    private ChinaAirQualityIndex() {
    }

    /**
     * The IAQI of a concentration in its column, carried up to an integer (HJ 633-2012 eq. 1).
     *
     * @throws IllegalArgumentException for a negative or non-finite concentration, or one the column does not index
     */
    public static SubIndex subIndex(Basis basis, double concentration) {
        if (!basis.indexes(concentration)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s %s is above %s, the last breakpoint of HJ 633-2012 Table 1 for it, and is not indexed",
                    basis.label(), concentration, basis.scale.top()));
        }
        int iaqi = carryUp(basis.scale.index(concentration));
        return new SubIndex(basis, concentration, iaqi, basis.scale.beyond(concentration), "");
    }

    /** AQI = max IAQI (eq. 2), with the primary pollutants and the category; empty when there is no sub-index. */
    public static Optional<Result> combine(List<SubIndex> subIndices) {
        if (subIndices.isEmpty()) {
            return Optional.empty();
        }
        int aqi = subIndices.stream().mapToInt(SubIndex::iaqi).max().orElseThrow();
        List<Basis> primary = new ArrayList<>();
        if (aqi > 50) {
            subIndices.stream().filter(s -> s.iaqi() == aqi).forEach(s -> primary.add(s.basis()));
        }
        boolean beyond = subIndices.stream().anyMatch(SubIndex::beyondScale);
        return Optional.of(new Result(aqi, Category.of(aqi), subIndices, primary, beyond));
    }

    /**
     * The index of a single particulate reading, indexed like a real-time 1-h value; null means not measured.
     * Reports built from averages go through {@link ChinaAqiReports}.
     */
    public static Result ofParticulates(Double pm25, Double pm10) {
        List<SubIndex> sub = new ArrayList<>();
        if (pm25 != null) {
            sub.add(subIndex(Basis.PM2_5_1H, pm25));
        }
        if (pm10 != null) {
            sub.add(subIndex(Basis.PM10_1H, pm10));
        }
        return combine(sub).orElseThrow(() -> new IllegalArgumentException("AQI needs at least one of pm2_5 and pm10"));
    }

    private static int carryUp(double index) {
        return (int) Math.ceil(index - 1e-9); // carried up to an integer; the epsilon absorbs float noise at breakpoints
    }
}
