package io.agrisense.edge.sensor;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A monotonic curve through calibration points, linear between them and extended along the end segments, with its
 * inverse. Points are given in any order; x must be distinct and y strictly increasing or strictly decreasing in x.
 */
public final class PiecewiseLinear {

    private final double[] xs;
    private final double[] ys;

    public PiecewiseLinear(double[][] points) {
        if (points.length < 2) {
            throw new IllegalArgumentException("needs at least two points, got " + points.length);
        }
        double[][] sorted = points.clone();
        Arrays.sort(sorted, Comparator.comparingDouble(p -> p[0]));
        xs = new double[sorted.length];
        ys = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            xs[i] = sorted[i][0];
            ys[i] = sorted[i][1];
        }
        int direction = Double.compare(ys[1], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            if (!(xs[i] > xs[i - 1])) {
                throw new IllegalArgumentException("two points have the same input " + xs[i]);
            }
            if (direction == 0 || Double.compare(ys[i], ys[i - 1]) != direction) {
                throw new IllegalArgumentException("values must rise or fall steadily with the input");
            }
        }
    }

    public double y(double x) {
        int i = segment(xs, x);
        return ys[i] + (x - xs[i]) * (ys[i + 1] - ys[i]) / (xs[i + 1] - xs[i]);
    }

    public double x(double y) {
        boolean rising = ys[1] > ys[0];
        int i = 0;
        while (i < ys.length - 2 && (rising ? y > ys[i + 1] : y < ys[i + 1])) {
            i++;
        }
        return xs[i] + (y - ys[i]) * (xs[i + 1] - xs[i]) / (ys[i + 1] - ys[i]);
    }

    public double minX() {
        return xs[0];
    }

    public double maxX() {
        return xs[xs.length - 1];
    }

    public double minY() {
        return Math.min(ys[0], ys[ys.length - 1]);
    }

    public double maxY() {
        return Math.max(ys[0], ys[ys.length - 1]);
    }

    private static int segment(double[] xs, double x) {
        int i = 0;
        while (i < xs.length - 2 && x > xs[i + 1]) {
            i++;
        }
        return i;
    }
}
