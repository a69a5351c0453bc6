package io.agrisense.platform.model.water;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Surface-water class by GB 3838-2002 ("Environmental Quality Standards for Surface Water"), Table 1 (basic items),
 * assessed one parameter at a time as §5 prescribes: each parameter gets the best class whose limit it meets, and the
 * water's class is the worst of them, named by its limiting parameters. Only the parameters a station measured are
 * considered; the assessment says which. Water temperature (a limit on man-made change, not a class) is not assessed.
 */
public final class SurfaceWaterQuality {

    /** Total phosphorus and total nitrogen have separate limits for lakes and reservoirs. */
    public enum WaterBody { RIVER, LAKE_OR_RESERVOIR }

    public enum WaterClass {
        I, II, III, IV, V, WORSE_THAN_V;

        /** The class label as reported in China: I..V and 劣V. */
        public String label() {
            return this == WORSE_THAN_V ? "劣V" : name();
        }
    }

    /**
     * Table 1 items, mg/L unless noted, with their class I..V limits. DO is a lower limit; pH a range for all classes;
     * the rest upper limits.
     */
    public enum Parameter {
        PH("ph", "pH", null),
        DISSOLVED_OXYGEN("dissolved_oxygen", "mg/L", new double[]{7.5, 6, 5, 3, 2}),
        PERMANGANATE_INDEX("permanganate_index", "mg/L", new double[]{2, 4, 6, 10, 15}),
        COD("cod", "mg/L", new double[]{15, 15, 20, 30, 40}),
        BOD5("bod5", "mg/L", new double[]{3, 3, 4, 6, 10}),
        AMMONIA_NITROGEN("ammonia_nitrogen", "mg/L", new double[]{0.15, 0.5, 1.0, 1.5, 2.0}),
        TOTAL_PHOSPHORUS("total_phosphorus", "mg/L", new double[]{0.02, 0.1, 0.2, 0.3, 0.4}),
        TOTAL_NITROGEN("total_nitrogen", "mg/L", new double[]{0.2, 0.5, 1.0, 1.5, 2.0}),
        COPPER("copper", "mg/L", new double[]{0.01, 1.0, 1.0, 1.0, 1.0}),
        ZINC("zinc", "mg/L", new double[]{0.05, 1.0, 1.0, 2.0, 2.0}),
        FLUORIDE("fluoride", "mg/L", new double[]{1.0, 1.0, 1.0, 1.5, 1.5}),
        SELENIUM("selenium", "mg/L", new double[]{0.01, 0.01, 0.01, 0.02, 0.02}),
        ARSENIC("arsenic", "mg/L", new double[]{0.05, 0.05, 0.05, 0.1, 0.1}),
        MERCURY("mercury", "mg/L", new double[]{0.00005, 0.00005, 0.0001, 0.001, 0.001}),
        CADMIUM("cadmium", "mg/L", new double[]{0.001, 0.005, 0.005, 0.005, 0.01}),
        CHROMIUM_VI("chromium_vi", "mg/L", new double[]{0.01, 0.05, 0.05, 0.05, 0.1}),
        LEAD("lead", "mg/L", new double[]{0.01, 0.01, 0.05, 0.05, 0.1}),
        CYANIDE("cyanide", "mg/L", new double[]{0.005, 0.05, 0.2, 0.2, 0.2}),
        VOLATILE_PHENOL("volatile_phenol", "mg/L", new double[]{0.002, 0.002, 0.005, 0.01, 0.1}),
        PETROLEUM("petroleum", "mg/L", new double[]{0.05, 0.05, 0.05, 0.5, 1.0}),
        ANIONIC_SURFACTANT("anionic_surfactant", "mg/L", new double[]{0.2, 0.2, 0.2, 0.3, 0.3}),
        SULFIDE("sulfide", "mg/L", new double[]{0.05, 0.1, 0.2, 0.5, 1.0}),
        FECAL_COLIFORM("fecal_coliform", "count/L", new double[]{200, 2000, 10000, 20000, 40000});

        private final String metric;
        private final String unit;
        private final double[] limits;

        Parameter(String metric, String unit, double[] limits) {
            this.metric = metric;
            this.unit = unit;
            this.limits = limits;
        }

        public String metric() {
            return metric;
        }

        public String unit() {
            return unit;
        }

        public static Optional<Parameter> ofMetric(String metric) {
            for (Parameter p : values()) {
                if (p.metric.equals(metric)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    /** Table 1's lake and reservoir column for total phosphorus. */
    private static final double[] TP_LAKE = {0.01, 0.025, 0.05, 0.1, 0.2};
    /** Class I dissolved oxygen: saturation 90 % or 7.5 mg/L. */
    static final double DO_CLASS_I_SATURATION = 90;

    public record ParameterClass(Parameter parameter, double value, WaterClass waterClass) {
    }

    /**
     * @param waterClass    the worst class of the parameters considered
     * @param limiting      the parameters in that class (empty when all are class I)
     * @param considered    each assessed parameter's class
     * @param notConsidered parameters given but not assessed, with the reason
     */
    public record Assessment(WaterClass waterClass, List<Parameter> limiting, List<ParameterClass> considered,
                             Map<Parameter, String> notConsidered) {

        public Assessment {
            limiting = List.copyOf(limiting);
            considered = List.copyOf(considered);
            notConsidered = Map.copyOf(notConsidered);
        }
    }

    private SurfaceWaterQuality() {
    }

    /**
     * Assesses the measured parameters.
     *
     * @param doSaturationPercent the dissolved-oxygen saturation, or null: class I DO is met by 7.5 mg/L or by 90 %
     * @throws IllegalArgumentException when nothing can be assessed or a value is negative or not finite
     */
    public static Assessment assess(Map<Parameter, Double> measured, WaterBody body, Double doSaturationPercent) {
        List<ParameterClass> considered = new ArrayList<>();
        Map<Parameter, String> notConsidered = new EnumMap<>(Parameter.class);
        for (Map.Entry<Parameter, Double> e : new TreeMap<>(measured).entrySet()) {
            Parameter p = e.getKey();
            double v = requirePlausible(p, e.getValue());
            if (p == Parameter.TOTAL_NITROGEN && body == WaterBody.RIVER) {
                notConsidered.put(p, "GB 3838-2002 Table 1 sets total nitrogen limits for lakes and reservoirs only");
                continue;
            }
            considered.add(new ParameterClass(p, v, classOf(p, v, body, doSaturationPercent)));
        }
        if (considered.isEmpty()) {
            throw new IllegalArgumentException("no GB 3838-2002 Table 1 parameter to assess" + (notConsidered.isEmpty()
                    ? "" : ": " + notConsidered));
        }
        WaterClass worst = considered.stream().map(ParameterClass::waterClass).max(Enum::compareTo).orElseThrow();
        List<Parameter> limiting = worst == WaterClass.I ? List.of() : considered.stream()
                .filter(c -> c.waterClass() == worst).map(ParameterClass::parameter).toList();
        return new Assessment(worst, limiting, considered, notConsidered);
    }

    /** The class one parameter's value meets. */
    public static WaterClass classOf(Parameter p, double value, WaterBody body, Double doSaturationPercent) {
        if (p == Parameter.PH) {
            return value >= 6 && value <= 9 ? WaterClass.I : WaterClass.WORSE_THAN_V; // 6..9 for every class
        }
        double[] limits = p == Parameter.TOTAL_PHOSPHORUS && body == WaterBody.LAKE_OR_RESERVOIR ? TP_LAKE : p.limits;
        WaterClass[] classes = WaterClass.values();
        if (p == Parameter.DISSOLVED_OXYGEN) {
            if (value >= limits[0] || (doSaturationPercent != null && doSaturationPercent >= DO_CLASS_I_SATURATION)) {
                return WaterClass.I;
            }
            for (int k = 1; k < limits.length; k++) {
                if (value >= limits[k]) {
                    return classes[k];
                }
            }
            return WaterClass.WORSE_THAN_V;
        }
        for (int k = 0; k < limits.length; k++) {
            if (value <= limits[k]) {
                return classes[k];
            }
        }
        return WaterClass.WORSE_THAN_V;
    }

    private static double requirePlausible(Parameter p, Double value) {
        if (value == null || !Double.isFinite(value) || value < 0 || (p == Parameter.PH && value > 14)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s %s %s is not a plausible value",
                    p.metric(), value, p.unit()));
        }
        return value;
    }
}
