package io.agrisense.platform.model.tracing;

import io.agrisense.platform.model.stats.RobustStatistics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Flags a station that departs from its neighbours. At each time its value is compared with those of the stations
 * within {@code radiusKm} (haversine): z = (x - median) / sigma, where sigma is 1.4826 times the median distance of
 * each neighbour from the median of the others, pooled over the baseline before (a handful of values at one instant
 * gives a poor spread), at least {@code minSigma}. At least {@code sustain} points
 * with |z| above {@code threshold} on one side, dips shorter than that bridged, are a finding. It is regional when
 * most neighbours ({@code regionalFraction}) moved with the station by at least half its departure, judged just after
 * the run ends (they caught up: an episode reached this station first); else local, a source near the station or a
 * faulty sensor, told apart by how fast the departure grew. A regional change that reaches all stations together
 * is no departure at all.
 */
public final class NeighbourAnomalyDetector {

    public record Settings(double radiusKm, int minNeighbours, double threshold, int sustain, int baseline,
                           double minSigma, double regionalFraction) {

        public Settings {
            if (!(radiusKm > 0) || minNeighbours < 2 || !(threshold > 0) || sustain < 1 || baseline < 3
                    || !(minSigma > 0) || !(regionalFraction > 0 && regionalFraction <= 1)) {
                throw new IllegalArgumentException("neighbour anomaly settings out of range: radius > 0 km, at least 2 "
                        + "neighbours, threshold > 0, sustain >= 1, baseline >= 3, minSigma > 0, fraction in (0, 1]");
            }
        }
    }

    public enum Kind { LOCAL, REGIONAL }

    /** A hint for a local finding: a slow, steady departure looks like sensor drift, a sudden one like a source. */
    public enum LikelyCause { SENSOR_DRIFT, LOCAL_SOURCE }

    /**
     * @param ongoing          the departure lasts to the end of the data, so the class may still change
     * @param peakZ            the largest |z| in the run, signed
     * @param cause            for a local finding; null for a regional one
     * @param risenFraction    the share of neighbours that had risen (or fallen, with the station) against their own level
     */
    public record Finding(String station, Instant from, Instant to, boolean ongoing, double peakZ, Kind kind,
                          LikelyCause cause, List<String> neighbours, double risenFraction) {

        public Finding {
            neighbours = List.copyOf(neighbours);
        }
    }

    private NeighbourAnomalyDetector() {
    }

    public static List<Finding> detect(List<StationSeries> stations, Settings settings) {
        for (StationSeries s : stations) {
            if (!s.series().sameGrid(stations.get(0).series())) {
                throw new IllegalArgumentException("station " + s.station() + " is not on the grid of "
                        + stations.get(0).station() + ": resample the series to one start, step and length");
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (StationSeries target : stations) {
            List<StationSeries> neighbours = stations.stream().filter(n -> n != target
                    && n.position().distanceKm(target.position()) <= settings.radiusKm()).toList();
            if (neighbours.size() >= settings.minNeighbours()) {
                findings.addAll(runs(target, neighbours, settings));
            }
        }
        return findings;
    }

    private static List<Finding> runs(StationSeries target, List<StationSeries> neighbours, Settings s) {
        int n = target.series().size();
        int m = neighbours.size();
        double[] median = new double[n];
        // |neighbour k - median of the other neighbours|: how far a station usually sits from a neighbourhood median
        // that does not include it, which is the target's own situation; NaN when missing
        double[] deviation = new double[n * m];
        for (int i = 0; i < n; i++) {
            double[] around = new double[m];
            for (int k = 0; k < m; k++) {
                around[k] = neighbours.get(k).series().at(i);
            }
            double[] finite = RobustStatistics.sortedFinite(around);
            median[i] = finite.length >= s.minNeighbours() ? RobustStatistics.quantileOfSorted(finite, 0.5) : Double.NaN;
            for (int k = 0; k < m; k++) {
                double[] others = new double[m - 1];
                for (int j = 0, o = 0; j < m; j++) {
                    if (j != k) {
                        others[o++] = around[j];
                    }
                }
                deviation[i * m + k] = Math.abs(around[k] - RobustStatistics.median(others));
            }
        }
        double[] residual = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            residual[i] = target.series().at(i) - median[i];
            // a handful of values at one instant gives a poor spread: pool the deviations over the baseline before
            double[] pooled = Arrays.copyOfRange(deviation, Math.max(0, i - s.baseline()) * m, (i + 1) * m);
            double sigma = RobustStatistics.MAD_TO_SIGMA * RobustStatistics.median(pooled);
            z[i] = residual[i] / (Double.isNaN(sigma) ? s.minSigma() : Math.max(sigma, s.minSigma()));
        }
        List<Finding> out = new ArrayList<>();
        int i = 0;
        while (i < n) {
            if (!(Math.abs(z[i]) > s.threshold())) {
                i++;
                continue;
            }
            double sign = Math.signum(z[i]);
            int last = i;
            int exceeding = 1;
            // a run survives dips shorter than the sustain time, so one noisy departure is one finding
            for (int j = i + 1; j < n && j - last < s.sustain(); j++) {
                if (Math.abs(z[j]) > s.threshold() && Math.signum(z[j]) == sign) {
                    last = j;
                    exceeding++;
                }
            }
            if (exceeding >= s.sustain()) {
                out.add(finding(target, neighbours, z, residual, median, i, last, sign, s));
            }
            i = last + 1;
        }
        return out;
    }

    private static Finding finding(StationSeries target, List<StationSeries> neighbours, double[] z, double[] residual,
                                   double[] median, int from, int to, double sign, Settings s) {
        int n = z.length;
        boolean ongoing = to == n - 1;
        // after the run when it ended (did the neighbours catch up?), else its last points
        int lookFrom = ongoing ? Math.max(from, to - s.sustain() + 1) : to + 1;
        int lookTo = ongoing ? to : Math.min(n - 1, to + s.sustain());
        double departure = sign * RobustStatistics.median(Arrays.copyOfRange(residual, Math.max(from, to - s.sustain() + 1), to + 1));
        int risen = 0;
        int judged = 0;
        for (StationSeries nb : neighbours) {
            double[] values = nb.series().values();
            double before = RobustStatistics.median(Arrays.copyOfRange(values, Math.max(0, from - s.sustain()), from));
            double after = RobustStatistics.median(Arrays.copyOfRange(values, lookFrom, lookTo + 1));
            if (Double.isNaN(before) || Double.isNaN(after)) {
                continue;
            }
            judged++;
            if (sign * (after - before) >= 0.5 * departure) {
                risen++; // it moved with the station by at least half the station's departure
            }
        }
        double fraction = judged == 0 ? 0 : (double) risen / judged;
        Kind kind = judged > 0 && fraction >= s.regionalFraction() ? Kind.REGIONAL : Kind.LOCAL;
        double peak = 0;
        for (int i = from; i <= to; i++) {
            peak = Math.abs(z[i]) > Math.abs(peak) ? z[i] : peak;
        }
        return new Finding(target.station(), target.series().timeAt(from), target.series().timeAt(to), ongoing, peak,
                kind, kind == Kind.LOCAL ? cause(residual, from, to, sign, s) : null,
                neighbours.stream().map(StationSeries::station).toList(), fraction);
    }

    /**
     * Sudden or gradual: if no stretch of {@code sustain} points holds half of the departure from the level before the
     * run to its peak, it grew steadily, like a drifting sensor; otherwise it jumped, like a plume from a source.
     */
    private static LikelyCause cause(double[] residual, int from, int to, double sign, Settings s) {
        double before = RobustStatistics.median(Arrays.copyOfRange(residual, Math.max(0, from - s.baseline()), from));
        if (Double.isNaN(before)) {
            before = 0;
        }
        double total = 0;
        double largestStep = 0;
        int start = Math.max(0, from - s.sustain());
        for (int i = start; i <= to; i++) {
            if (Double.isNaN(residual[i])) {
                continue;
            }
            total = Math.max(total, sign * (residual[i] - before));
            int back = i - s.sustain();
            if (back >= 0 && !Double.isNaN(residual[back])) {
                largestStep = Math.max(largestStep, sign * (residual[i] - residual[back]));
            }
        }
        return largestStep >= 0.5 * total ? LikelyCause.LOCAL_SOURCE : LikelyCause.SENSOR_DRIFT;
    }
}
