package io.agrisense.edge.sensor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A resistor-ladder wind vane: eight reed switches and resistors give 16 resistances (two neighbouring switches
 * closing together make the in-between points), read as the lower leg of a divider with a pull-up to the supply:
 * V = Vs R / (R + Rpull). A voltage is matched to the nearest position and accepted within 40 % of the gap to the
 * position next to it in voltage, so a worn contact or a wet connector is reported, not guessed.
 */
public final class WindVaneLadder {

    /** One vane position: direction the vane points to (wind from), degrees, and its resistance. */
    public record Position(double degrees, double ohms) {
    }

    /**
     * The common weather-meter vane (SparkFun weather meter kit SEN-15901 / Argent Data Systems datasheet, "Wind
     * Vane" table), used with a 10 kOhm pull-up.
     */
    public static final List<Position> WEATHER_METER = List.of(
            new Position(0, 33_000), new Position(22.5, 6_570), new Position(45, 8_200), new Position(67.5, 891),
            new Position(90, 1_000), new Position(112.5, 688), new Position(135, 2_200), new Position(157.5, 1_410),
            new Position(180, 3_900), new Position(202.5, 3_140), new Position(225, 16_000), new Position(247.5, 14_120),
            new Position(270, 120_000), new Position(292.5, 42_120), new Position(315, 64_900), new Position(337.5, 21_880));
    public static final double WEATHER_METER_PULL_UP_OHMS = 10_000;

    private static final double ACCEPT_FRACTION_OF_GAP = 0.4;

    private record Level(Position position, double volts, double tolerance) {
    }

    private final List<Level> levels;
    private final double supplyVolts;

    public WindVaneLadder(List<Position> positions, double pullUpOhms, double supplyVolts) {
        if (!(pullUpOhms > 0) || !(supplyVolts > 0) || positions.size() < 2) {
            throw new IllegalArgumentException("a vane ladder needs two or more positions, a pull-up > 0 Ohm and a "
                    + "supply > 0 V");
        }
        this.supplyVolts = supplyVolts;
        List<Position> byVolts = new ArrayList<>(positions);
        byVolts.sort(Comparator.comparingDouble(Position::ohms));
        List<Level> built = new ArrayList<>();
        for (int i = 0; i < byVolts.size(); i++) {
            double v = divider(byVolts.get(i).ohms(), pullUpOhms, supplyVolts);
            double below = i > 0 ? v - divider(byVolts.get(i - 1).ohms(), pullUpOhms, supplyVolts) : Double.MAX_VALUE;
            double above = i + 1 < byVolts.size() ? divider(byVolts.get(i + 1).ohms(), pullUpOhms, supplyVolts) - v
                    : Double.MAX_VALUE;
            if (!(Math.min(below, above) > 0)) {
                throw new IllegalArgumentException("two vane positions have the same resistance, "
                        + byVolts.get(i).ohms() + " Ohm: they cannot be told apart");
            }
            built.add(new Level(byVolts.get(i), v, ACCEPT_FRACTION_OF_GAP * Math.min(below, above)));
        }
        this.levels = List.copyOf(built);
    }

    /** The weather-meter vane with its 10 kOhm pull-up at the given supply (5 V or 3.3 V). */
    public static WindVaneLadder weatherMeter(double supplyVolts) {
        return new WindVaneLadder(WEATHER_METER, WEATHER_METER_PULL_UP_OHMS, supplyVolts);
    }

    /** The voltage a position puts on the ADC. */
    public double volts(Position position) {
        return levels.stream().filter(l -> l.position().equals(position)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(position + " is not a position of this vane")).volts();
    }

    /**
     * The direction for a measured voltage.
     *
     * @throws SensorException when no position gives that voltage, with what it suggests
     */
    public double degrees(double volts) throws SensorException {
        if (!Double.isFinite(volts)) {
            throw new SensorException("wind vane: " + volts + " V is not a reading");
        }
        Level nearest = levels.get(0);
        for (Level l : levels) {
            if (Math.abs(l.volts() - volts) < Math.abs(nearest.volts() - volts)) {
                nearest = l;
            }
        }
        if (Math.abs(nearest.volts() - volts) <= nearest.tolerance()) {
            return nearest.position().degrees();
        }
        if (volts >= 0.98 * supplyVolts) {
            throw new SensorException(String.format(Locale.ROOT, "wind vane: %.3f V is at the %.1f V supply: the vane "
                    + "is disconnected or its cable broken", volts, supplyVolts));
        }
        if (volts <= 0.02 * supplyVolts) {
            throw new SensorException(String.format(Locale.ROOT, "wind vane: %.3f V is near 0 V: the vane input is "
                    + "shorted to ground", volts));
        }
        throw new SensorException(String.format(Locale.ROOT, "wind vane: %.3f V matches no position (nearest %s° at "
                + "%.3f V, accepted within ±%.3f V): a worn contact, a wet connector or a wrong pull-up",
                volts, nearest.position().degrees(), nearest.volts(), nearest.tolerance()));
    }

    private static double divider(double ohms, double pullUpOhms, double supplyVolts) {
        return supplyVolts * ohms / (ohms + pullUpOhms);
    }
}
