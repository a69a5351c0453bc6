package io.agrisense.edge.sim;

/**
 * Deterministic smooth noise in [-1, 1]: pseudo-random values at multiples of a period (hashed from the seed, a stream
 * number and the knot index), joined by cosine interpolation. A function of time alone, so the weather does not depend
 * on how often anybody looks at it.
 */
final class SmoothNoise {

    private final long seed;

    SmoothNoise(long seed) {
        this.seed = seed;
    }

    double at(int stream, double seconds, double period) {
        double x = seconds / period;
        long k = (long) Math.floor(x);
        double f = x - k;
        double w = (1 - Math.cos(Math.PI * f)) / 2;
        return knot(stream, k) * (1 - w) + knot(stream, k + 1) * w;
    }

    double knot(int stream, long k) {
        long z = seed ^ (stream * 0x9E3779B97F4A7C15L) ^ (k * 0xC2B2AE3D27D4EB4FL);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53 * 2 - 1;
    }
}
