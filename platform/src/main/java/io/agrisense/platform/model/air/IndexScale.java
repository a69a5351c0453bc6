package io.agrisense.platform.model.air;

import java.util.ArrayList;
import java.util.List;

/**
 * A piecewise-linear air quality scale: concentration breakpoints mapped onto index breakpoints, with the
 * linear interpolation shared by HJ 633-2012 eq. 1 and the EPA AQI equation.
 */
final class IndexScale {

    private record Segment(double concentrationLow, double concentrationHigh, int indexLow, int indexHigh) {
    }

    private final List<Segment> segments;

    private IndexScale(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /** Pairs {@code concentrations[k]..concentrations[k+1]} with {@code indices[k]..indices[k+1]} (shared ends). */
    static IndexScale continuous(double[] concentrations, int[] indices) {
        List<Segment> segments = new ArrayList<>();
        for (int k = 0; k + 1 < concentrations.length; k++) {
            segments.add(new Segment(concentrations[k], concentrations[k + 1], indices[k], indices[k + 1]));
        }
        return new IndexScale(segments);
    }

    /** Rows of {low concentration, high concentration, low index, high index}, as EPA tables print them. */
    static IndexScale rows(double[][] rows) {
        List<Segment> segments = new ArrayList<>();
        for (double[] r : rows) {
            segments.add(new Segment(r[0], r[1], (int) r[2], (int) r[3]));
        }
        return new IndexScale(segments);
    }

    double bottom() {
        return segments.get(0).concentrationLow();
    }

    double top() {
        return segments.get(segments.size() - 1).concentrationHigh();
    }

    int topIndex() {
        return segments.get(segments.size() - 1).indexHigh();
    }

    boolean beyond(double concentration) {
        return concentration > top();
    }

    /** The unrounded index; concentrations beyond the top breakpoint read as the top index. */
    double index(double concentration) {
        if (!(concentration >= 0) || Double.isInfinite(concentration)) {
            throw new IllegalArgumentException("concentration " + concentration + " must be a finite value >= 0");
        }
        for (Segment s : segments) {
            if (concentration <= s.concentrationHigh()) {
                double fraction = (concentration - s.concentrationLow())
                        / (s.concentrationHigh() - s.concentrationLow());
                return s.indexLow() + (s.indexHigh() - s.indexLow()) * fraction; // HJ 633-2012 eq. 1, EPA AQI equation
            }
        }
        return topIndex();
    }

    /**
     * The category band of an index value: both HJ 633-2012 Table 2 and the EPA AQI break at 50, 100, 150, 200
     * and 300, so categories are numbered 0..5 the same way.
     */
    static int band(int index) {
        int[] upper = {50, 100, 150, 200, 300};
        for (int i = 0; i < upper.length; i++) {
            if (index <= upper[i]) {
                return i;
            }
        }
        return upper.length;
    }
}
