package io.agrisense.platform.model.air;

import io.agrisense.protocol.GasUnits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The US EPA Air Quality Index by the Technical Assistance Document for the Reporting of Daily Air Quality
 * (EPA-454/B-24-002, May 2024), Table 6 breakpoints, which carry the PM2.5 revision of the February 2024 PM NAAQS.
 * Each concentration is truncated to its reporting precision (O3 0.001 ppm, PM2.5 0.1 ug/m3, PM10 1 ug/m3, CO 0.1 ppm,
 * SO2 and NO2 1 ppb), indexed by the AQI equation and rounded to the nearest integer. Gases are in ppm (O3, CO) and
 * ppb (SO2, NO2); {@link #fromChinaUnits} converts the stored ug/m3 (CO mg/m3, GB 3095 reference state 298.15 K,
 * which equals the EPA's 25 °C and 1 atm).
 */
public final class UsAirQualityIndex {

    /** The averaging periods of Table 6, their units and truncation. */
    public enum Basis {
        O3_8H("o3_8h", AirPollutant.O3, 1000, 3, new double[][]{
                {0.000, 0.054, 0, 50}, {0.055, 0.070, 51, 100}, {0.071, 0.085, 101, 150},
                {0.086, 0.105, 151, 200}, {0.106, 0.200, 201, 300}}),
        /** Defined only from 0.125 ppm (AQI 101) up. */
        O3_1H("o3_1h", AirPollutant.O3, 1000, 3, new double[][]{
                {0.125, 0.164, 101, 150}, {0.165, 0.204, 151, 200}, {0.205, 0.404, 201, 300}, {0.405, 0.604, 301, 500}}),
        PM2_5_24H("pm2_5_24h", AirPollutant.PM2_5, 1, 1, new double[][]{
                {0.0, 9.0, 0, 50}, {9.1, 35.4, 51, 100}, {35.5, 55.4, 101, 150},
                {55.5, 125.4, 151, 200}, {125.5, 225.4, 201, 300}, {225.5, 325.4, 301, 500}}),
        PM10_24H("pm10_24h", AirPollutant.PM10, 1, 0, new double[][]{
                {0, 54, 0, 50}, {55, 154, 51, 100}, {155, 254, 101, 150},
                {255, 354, 151, 200}, {355, 424, 201, 300}, {425, 604, 301, 500}}),
        CO_8H("co_8h", AirPollutant.CO, 1000, 1, new double[][]{
                {0.0, 4.4, 0, 50}, {4.5, 9.4, 51, 100}, {9.5, 12.4, 101, 150},
                {12.5, 15.4, 151, 200}, {15.5, 30.4, 201, 300}, {30.5, 50.4, 301, 500}}),
        /** Defined only up to 304 ppb (AQI 200); higher values are indexed with the 24-h mean. */
        SO2_1H("so2_1h", AirPollutant.SO2, 1, 0, new double[][]{
                {0, 35, 0, 50}, {36, 75, 51, 100}, {76, 185, 101, 150}, {186, 304, 151, 200}}),
        /** Used only when the 1-h SO2 exceeds 304 ppb. */
        SO2_24H("so2_24h", AirPollutant.SO2, 1, 0, new double[][]{{305, 604, 201, 300}, {605, 1004, 301, 500}}),
        NO2_1H("no2_1h", AirPollutant.NO2, 1, 0, new double[][]{
                {0, 53, 0, 50}, {54, 100, 51, 100}, {101, 360, 101, 150},
                {361, 649, 151, 200}, {650, 1249, 201, 300}, {1250, 2049, 301, 500}});

        private final String label;
        private final AirPollutant pollutant;
        private final double ppbPerUnit;
        private final int decimals;
        private final IndexScale scale;

        Basis(String label, AirPollutant pollutant, double ppbPerUnit, int decimals, double[][] rows) {
            this.label = label;
            this.pollutant = pollutant;
            this.ppbPerUnit = ppbPerUnit;
            this.decimals = decimals;
            this.scale = IndexScale.rows(rows);
        }

        public String label() {
            return label;
        }

        public AirPollutant pollutant() {
            return pollutant;
        }
    }

    public enum Category {
        GOOD, MODERATE, UNHEALTHY_FOR_SENSITIVE_GROUPS, UNHEALTHY, VERY_UNHEALTHY, HAZARDOUS;

        public static Category of(int aqi) {
            return values()[IndexScale.band(aqi)];
        }
    }

    /** One pollutant's index: the truncated concentration, its index, and why a rule applied (or empty). */
    public record SubIndex(Basis basis, double concentration, int index, boolean beyondScale, String note) {
    }

    /**
     * @param responsiblePollutant the highest sub-index (the first given on a tie)
     * @param withheld             why a given concentration could not be indexed, by basis
     */
    public record Result(int aqi, Category category, List<SubIndex> subIndices, Basis responsiblePollutant,
                         boolean beyondScale, Map<Basis, String> withheld) {

        public Result {
            subIndices = List.copyOf(subIndices);
            withheld = Map.copyOf(withheld);
        }
    }

    private UsAirQualityIndex() {
    }

    /** The truncated concentration's index on one basis; the caller checks the basis defines it. */
    public static SubIndex subIndex(Basis basis, double concentration) {
        double c = truncate(concentration, basis.decimals);
        if (c < basis.scale.bottom() || (basis.scale.topIndex() < 500 && basis.scale.beyond(c))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s %s is outside %s..%s, where Table 6 "
                    + "defines it", basis.label(), c, basis.scale.bottom(), basis.scale.top()));
        }
        return new SubIndex(basis, c, roundHalfUp(basis.scale.index(c)), basis.scale.beyond(c), "");
    }

    /** PM2.5 index of a 24-h mean or NowCast in ug/m3. */
    public static int pm25SubIndex(double concentration) {
        return subIndex(Basis.PM2_5_24H, concentration).index();
    }

    /** PM10 index of a 24-h mean or NowCast in ug/m3. */
    public static int pm10SubIndex(double concentration) {
        return subIndex(Basis.PM10_24H, concentration).index();
    }

    /**
     * The AQI of the given concentrations (Table 6 units) with the TAD's rules: an 8-h O3 above 0.200 ppm is indexed by
     * the 1-h O3; a 1-h O3 is indexed beside the 8-h one when it is 0.125 ppm or more and the larger counts; a 1-h SO2
     * above 304 ppb is indexed by the 24-h SO2 (AQI 200 when that is below 305 ppb). SO2_24H alone is not indexed.
     */
    public static Result of(Map<Basis, Double> concentrations) {
        if (concentrations.isEmpty()) {
            throw new IllegalArgumentException("AQI needs at least one concentration");
        }
        List<SubIndex> sub = new ArrayList<>();
        Map<Basis, String> withheld = new EnumMap<>(Basis.class);
        Double o3Hour = concentrations.get(Basis.O3_1H);
        for (Map.Entry<Basis, Double> e : new EnumMap<>(concentrations).entrySet()) {
            Basis basis = e.getKey();
            double c = truncate(e.getValue(), basis.decimals);
            switch (basis) {
                case O3_8H -> {
                    if (c <= 0.200) {
                        sub.add(subIndex(basis, c));
                    } else if (o3Hour == null) {
                        withheld.put(basis, "8-h O3 " + c + " ppm is above 0.200 ppm, where the AQI needs the 1-h O3");
                    }
                }
                case O3_1H -> {
                    if (c >= 0.125) {
                        sub.add(subIndex(basis, c));
                    }
                }
                case SO2_1H -> {
                    if (c <= 304) {
                        sub.add(subIndex(basis, c));
                    } else {
                        so2From24h(c, concentrations.get(Basis.SO2_24H), sub, withheld);
                    }
                }
                case SO2_24H -> {
                    // indexed only through SO2_1H above
                }
                default -> sub.add(subIndex(basis, c));
            }
        }
        if (sub.isEmpty()) {
            throw new IllegalArgumentException("no concentration could be indexed: " + withheld);
        }
        SubIndex top = sub.get(0);
        for (SubIndex s : sub) {
            if (s.index() > top.index()) {
                top = s;
            }
        }
        boolean beyond = sub.stream().anyMatch(SubIndex::beyondScale);
        return new Result(top.index(), Category.of(top.index()), sub, top.basis(), beyond, withheld);
    }

    /** The index of single particulate readings (null means not measured), as a current value. */
    public static Result ofParticulates(Double pm25, Double pm10) {
        Map<Basis, Double> c = new EnumMap<>(Basis.class);
        if (pm25 != null) {
            c.put(Basis.PM2_5_24H, pm25);
        }
        if (pm10 != null) {
            c.put(Basis.PM10_24H, pm10);
        }
        if (c.isEmpty()) {
            throw new IllegalArgumentException("AQI needs at least one of pm2_5 and pm10");
        }
        return of(c);
    }

    /**
     * A stored concentration in this index's unit: gases from ug/m3 (CO mg/m3) at 298.15 K and 1 atm to ppb, then to
     * the basis' unit (ppm for O3 and CO); particulates unchanged.
     */
    public static double fromChinaUnits(Basis basis, double stored) {
        GasUnits.Gas gas = basis.pollutant().gas();
        if (gas == null) {
            return stored;
        }
        double micrograms = basis.pollutant() == AirPollutant.CO ? stored * 1000 : stored;
        return GasUnits.ppb(gas, micrograms, GasUnits.ReferenceState.REFERENCE_298K) / basis.ppbPerUnit;
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

    private static void so2From24h(double hour, Double day, List<SubIndex> sub, Map<Basis, String> withheld) {
        String why = "1-h SO2 " + hour + " ppb is above 304 ppb, where the AQI is indexed by the 24-h SO2";
        if (day == null) {
            withheld.put(Basis.SO2_1H, why + ", which is not given");
            return;
        }
        double c = truncate(day, Basis.SO2_24H.decimals);
        if (c >= 305) {
            SubIndex s = subIndex(Basis.SO2_24H, c);
            sub.add(new SubIndex(Basis.SO2_24H, c, s.index(), s.beyondScale(), why));
        } else {
            sub.add(new SubIndex(Basis.SO2_1H, hour, 200, false, why + "; it is below 305 ppb, so the index is 200"));
        }
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
