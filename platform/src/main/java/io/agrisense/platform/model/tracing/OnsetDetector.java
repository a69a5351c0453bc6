package io.agrisense.platform.model.tracing;

import io.agrisense.platform.model.stats.RobustStatistics;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds where a series starts to rise above its own recent past: the first point from which {@code sustain}
 * consecutive values all stand more than {@code threshold} robust standard deviations above the median of the
 * {@code baseline} points before it (sigma = 1.4826 MAD, at least {@code minSigma}). The robust baseline keeps an
 * earlier spike from hiding the next rise, and the sustain rule keeps a single spike from being a rise.
 */
public record OnsetDetector(int baseline, double threshold, int sustain, double minSigma) {

    public OnsetDetector {
        if (baseline < 3 || sustain < 1 || !(threshold > 0) || !(minSigma > 0)) {
            throw new IllegalArgumentException("onset detector needs baseline >= 3 points, sustain >= 1, threshold > 0 "
                    + "and minSigma > 0; got " + baseline + ", " + sustain + ", " + threshold + ", " + minSigma);
        }
    }

    /**
     * @param index          where the rise starts
     * @param baselineMedian the level before it
     * @param baselineSigma  the robust spread before it
     */
    public record Onset(int index, Instant time, double baselineMedian, double baselineSigma) {
    }

    /** The first onset at an index in [from, to) whose sustained run also ends before {@code to}. */
    public Optional<Onset> first(RegularSeries series, int from, int to) {
        int end = Math.min(to, series.size());
        double[] values = series.values();
        for (int i = Math.max(from, baseline); i + sustain <= end; i++) {
            double[] before = Arrays.copyOfRange(values, i - baseline, i);
            double[] finite = RobustStatistics.sortedFinite(before);
            if (finite.length < (baseline + 1) / 2) {
                continue; // too little history to call anything a rise
            }
            double median = RobustStatistics.quantileOfSorted(finite, 0.5);
            double sigma = RobustStatistics.robustSigma(finite, minSigma);
            if (sustainedAbove(series, i, median + threshold * sigma)) {
                return Optional.of(new Onset(i, series.timeAt(i), median, sigma));
            }
        }
        return Optional.empty();
    }

    /** The first onset anywhere in the series. */
    public Optional<Onset> first(RegularSeries series) {
        return first(series, 0, series.size());
    }

    private boolean sustainedAbove(RegularSeries series, int i, double level) {
        for (int j = i; j < i + sustain; j++) {
            if (!(series.at(j) > level)) {
                return false;
            }
        }
        return true;
    }
}
