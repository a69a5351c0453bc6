package io.agrisense.platform.model.wind;

import io.agrisense.platform.model.TimedValue;
import io.agrisense.platform.model.stats.RobustStatistics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A pollution rose: a pollutant's concentration summarised by the direction the wind came from (16 sectors of
 * 22.5°, centred on N, NNE, ..., NNW) and by wind-speed class, the usual way of pointing at a source. Calm samples
 * have no direction and are summarised apart. Plain records, so the API can serialise it as it is.
 */
public record PollutionRose(Instant from, Instant to, SpeedClasses speedClasses, List<Double> probabilities,
                            List<Cell> cells, List<Sector> sectors, Summary calm, int total) {

    public static final int SECTORS = 16;
    public static final double SECTOR_WIDTH = 360.0 / SECTORS;
    static final String[] LABELS = {"N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
            "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"};

    public PollutionRose {
        probabilities = List.copyOf(probabilities);
        cells = List.copyOf(cells);
        sectors = List.copyOf(sectors);
    }

    /** One paired observation: the wind when the concentration was measured. */
    public record Sample(Instant time, double directionDegrees, double windSpeed, double concentration) {
    }

    /**
     * Speed classes: below {@code calmBelow} m/s is calm; then [calmBelow, edges[0]), [edges[0], edges[1]), ...,
     * and [last edge, infinity).
     */
    public record SpeedClasses(double calmBelow, List<Double> upperEdges) {

        /** Calm below 0.5 m/s, then classes to 2, 4, 6 and above 6 m/s. */
        public static final SpeedClasses DEFAULT = new SpeedClasses(0.5, List.of(2.0, 4.0, 6.0));

        public SpeedClasses {
            upperEdges = List.copyOf(upperEdges);
            double previous = calmBelow;
            if (!(calmBelow >= 0)) {
                throw new IllegalArgumentException("calm threshold " + calmBelow + " m/s must be >= 0");
            }
            for (double edge : upperEdges) {
                if (!(edge > previous) || Double.isInfinite(edge)) {
                    throw new IllegalArgumentException("speed class edges " + upperEdges + " must rise above the calm "
                            + "threshold " + calmBelow + " and be finite");
                }
                previous = edge;
            }
        }

        public int classes() {
            return upperEdges.size() + 1;
        }

        double lower(int k) {
            return k == 0 ? calmBelow : upperEdges.get(k - 1);
        }

        /** Upper bound of class k, or null for the open top class. */
        Double upper(int k) {
            return k < upperEdges.size() ? upperEdges.get(k) : null;
        }

        int classOf(double speed) {
            int k = 0;
            while (k < upperEdges.size() && speed >= upperEdges.get(k)) {
                k++;
            }
            return k;
        }
    }

    /** Count, mean and the requested quantiles (keys "p50", "p95", ...); mean and quantiles are null when empty. */
    public record Summary(int count, Double mean, Map<String, Double> quantiles) {

        public Summary {
            quantiles = quantiles == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(quantiles));
        }
    }

    /** One non-empty sector and speed class. */
    public record Cell(int sector, String label, double centreDegrees, int speedClass, double speedFrom, Double speedTo,
                       Summary summary) {
    }

    /** A sector over all non-calm speeds. */
    public record Sector(int sector, String label, double centreDegrees, Summary summary) {
    }

    /**
     * Summarises paired samples.
     *
     * @param probabilities quantiles to report, each in 0..1 (e.g. 0.5, 0.95)
     */
    public static PollutionRose of(List<Sample> samples, SpeedClasses classes, double... probabilities) {
        for (double p : probabilities) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("quantile probability " + p + " must be within 0..1");
            }
        }
        int k = classes.classes();
        List<List<Double>> byCell = new ArrayList<>();
        for (int i = 0; i < SECTORS * k; i++) {
            byCell.add(new ArrayList<>());
        }
        List<Double> calm = new ArrayList<>();
        Instant from = null;
        Instant to = null;
        for (Sample s : samples) {
            validate(s);
            from = from == null || s.time().isBefore(from) ? s.time() : from;
            to = to == null || s.time().isAfter(to) ? s.time() : to;
            if (s.windSpeed() < classes.calmBelow()) {
                calm.add(s.concentration());
            } else {
                byCell.get(sectorOf(s.directionDegrees()) * k + classes.classOf(s.windSpeed())).add(s.concentration());
            }
        }
        List<Cell> cells = new ArrayList<>();
        List<Sector> sectors = new ArrayList<>();
        for (int sector = 0; sector < SECTORS; sector++) {
            List<Double> all = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                List<Double> values = byCell.get(sector * k + c);
                all.addAll(values);
                if (!values.isEmpty()) {
                    cells.add(new Cell(sector, LABELS[sector], sector * SECTOR_WIDTH, c, classes.lower(c),
                            classes.upper(c), summarise(values, probabilities)));
                }
            }
            sectors.add(new Sector(sector, LABELS[sector], sector * SECTOR_WIDTH, summarise(all, probabilities)));
        }
        return new PollutionRose(from, to, classes, Arrays.stream(probabilities).boxed().toList(), cells, sectors,
                summarise(calm, probabilities), samples.size());
    }

    /** The sector a direction falls in: sector s covers [22.5 s - 11.25, 22.5 s + 11.25). */
    public static int sectorOf(double directionDegrees) {
        double shifted = (directionDegrees + SECTOR_WIDTH / 2) % 360;
        return (int) Math.floor(shifted / SECTOR_WIDTH) % SECTORS;
    }

    /**
     * Pairs each concentration with the wind observed nearest to it in time, within {@code tolerance}; concentrations
     * without a wind that close are left out.
     */
    public static List<Sample> pair(List<TimedValue> concentrations, List<WindObservation> wind, Duration tolerance) {
        NavigableMap<Instant, WindObservation> byTime = new TreeMap<>();
        wind.forEach(w -> byTime.put(w.time(), w));
        List<Sample> out = new ArrayList<>();
        for (TimedValue c : concentrations) {
            WindObservation best = null;
            long bestGap = Long.MAX_VALUE;
            for (Entry<Instant, WindObservation> e : Arrays.asList(byTime.floorEntry(c.time()), byTime.ceilingEntry(c.time()))) {
                if (e != null) {
                    long gap = Duration.between(e.getKey(), c.time()).abs().toMillis();
                    if (gap < bestGap) {
                        bestGap = gap;
                        best = e.getValue();
                    }
                }
            }
            if (best != null && bestGap <= tolerance.toMillis()) {
                out.add(new Sample(c.time(), best.directionDegrees(), best.speed(), c.value()));
            }
        }
        return out;
    }

    private static Summary summarise(List<Double> values, double[] probabilities) {
        if (values.isEmpty()) {
            return new Summary(0, null, null);
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Map<String, Double> quantiles = new LinkedHashMap<>();
        for (double p : probabilities) {
            quantiles.put(key(p), RobustStatistics.quantileOfSorted(sorted, p));
        }
        return new Summary(sorted.length, Arrays.stream(sorted).average().orElseThrow(), quantiles);
    }

    static String key(double p) {
        String percent = String.format(Locale.ROOT, "%.4f", p * 100).replaceAll("0+$", "").replaceAll("\\.$", "");
        return "p" + percent;
    }

    private static void validate(Sample s) {
        if (!(s.directionDegrees() >= 0 && s.directionDegrees() <= 360) || !(s.windSpeed() >= 0)
                || Double.isInfinite(s.windSpeed()) || !Double.isFinite(s.concentration())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "pollution rose sample at %s has direction "
                    + "%s°, speed %s m/s, concentration %s: direction must be 0..360, speed >= 0 and all finite",
                    s.time(), s.directionDegrees(), s.windSpeed(), s.concentration()));
        }
    }
}
