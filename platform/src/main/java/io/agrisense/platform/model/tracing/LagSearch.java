package io.agrisense.platform.model.tracing;

import java.util.Optional;

/**
 * Cross-correlation lag search between two series on one grid: for each whole-step lag k in [minLag, maxLag] the
 * Pearson correlation of upstream[i] with downstream[i + k] over the pairs where both are present; the best lag is
 * refined between grid steps by the vertex of the parabola through its neighbours.
 */
final class LagSearch {

    /**
     * @param lagSteps    the refined lag in grid steps
     * @param correlation the correlation at the best whole-step lag
     * @param atEdge      the best lag is at an end of the searched range, so the true one may lie outside it
     */
    record Lag(double lagSteps, double correlation, boolean atEdge) {
    }

    private LagSearch() {
    }

    static Optional<Lag> best(double[] upstream, double[] downstream, int from, int minLag, int maxLag, int minPairs) {
        int n = maxLag - minLag + 1;
        if (n < 1) {
            return Optional.empty();
        }
        double[] r = new double[n];
        int bestK = -1;
        for (int k = 0; k < n; k++) {
            r[k] = correlation(upstream, downstream, from, minLag + k, minPairs);
            if (!Double.isNaN(r[k]) && (bestK < 0 || r[k] > r[bestK])) {
                bestK = k;
            }
        }
        if (bestK < 0) {
            return Optional.empty();
        }
        double delta = 0;
        if (bestK > 0 && bestK < n - 1 && !Double.isNaN(r[bestK - 1]) && !Double.isNaN(r[bestK + 1])) {
            double curvature = r[bestK - 1] - 2 * r[bestK] + r[bestK + 1];
            if (curvature < 0) {
                delta = Math.max(-0.5, Math.min(0.5, 0.5 * (r[bestK - 1] - r[bestK + 1]) / curvature));
            }
        }
        boolean atEdge = n > 1 && (bestK == 0 || bestK == n - 1);
        return Optional.of(new Lag(minLag + bestK + delta, r[bestK], atEdge));
    }

    /** Pearson correlation of up[i] and down[i + lag] for i >= from; NaN with fewer than minPairs pairs or no spread. */
    static double correlation(double[] up, double[] down, int from, int lag, int minPairs) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        int n = 0;
        for (int i = Math.max(0, from); i < up.length && i + lag < down.length; i++) {
            if (i + lag < 0) {
                continue;
            }
            double x = up[i];
            double y = down[i + lag];
            if (Double.isNaN(x) || Double.isNaN(y)) {
                continue;
            }
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
            n++;
        }
        if (n < minPairs) {
            return Double.NaN;
        }
        double cov = sxy - sx * sy / n;
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        return vx <= 0 || vy <= 0 ? Double.NaN : cov / Math.sqrt(vx * vy);
    }
}
