package io.agrisense.edge.sampling;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** Converts a value from a unit a probe or driver reports in to the catalogue's SenML unit (RFC 8428 §12.1 names). */
public final class UnitConversion {

    private record Rule(String from, String to, DoubleUnaryOperator f) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("degF", "Cel", v -> (v - 32.0) * 5.0 / 9.0),
            new Rule("K", "Cel", v -> v - 273.15),
            new Rule("hPa", "Pa", v -> v * 100.0),
            new Rule("mbar", "Pa", v -> v * 100.0),
            new Rule("kPa", "Pa", v -> v * 1000.0),
            new Rule("uS/cm", "S/m", v -> v * 1e-4),
            new Rule("mS/cm", "S/m", v -> v * 0.1),
            new Rule("cm", "m", v -> v * 0.01),
            new Rule("mm", "m", v -> v * 0.001),
            new Rule("in", "mm", v -> v * 25.4),
            new Rule("km/h", "m/s", v -> v / 3.6),
            new Rule("mph", "m/s", v -> v * 0.44704),
            new Rule("kn", "m/s", v -> v * 1852.0 / 3600.0),
            new Rule("mg/m3", "ug/m3", v -> v * 1000.0),
            new Rule("ppm", "mg/L", v -> v),
            new Rule("/", "%", v -> v * 100.0),
            new Rule("/", "%RH", v -> v * 100.0));

    private UnitConversion() {
    }

    public static boolean supports(String from, String to) {
        return from.equals(to) || RULES.stream().anyMatch(r -> r.from.equals(from) && r.to.equals(to));
    }

    public static List<String> sourcesFor(String to) {
        return RULES.stream().filter(r -> r.to.equals(to)).map(Rule::from).toList();
    }

    public static double convert(double value, String from, String to) {
        if (from.equals(to)) {
            return value;
        }
        for (Rule r : RULES) {
            if (r.from.equals(from) && r.to.equals(to)) {
                return r.f.applyAsDouble(value);
            }
        }
        throw new IllegalArgumentException("no conversion from " + from + " to " + to);
    }

}
