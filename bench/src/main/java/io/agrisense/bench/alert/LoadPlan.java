package io.agrisense.bench.alert;

/**
 * The background load: {@code stations} stations sharing {@code readingsPerSecond} in packs of
 * {@code readingsPerPack}, sent round-robin so every station publishes at the same pace. Pure arithmetic.
 */
record LoadPlan(int stations, int readingsPerSecond, int readingsPerPack) {

    LoadPlan {
        if (stations < 1 || readingsPerSecond < 0 || readingsPerPack < 1) {
            throw new IllegalArgumentException("need at least one station, a rate of 0 or more and at least one reading per pack,"
                    + " got " + stations + " stations, " + readingsPerSecond + " readings/s, " + readingsPerPack + " per pack");
        }
    }

    double packsPerSecond() {
        return (double) readingsPerSecond / readingsPerPack;
    }

    /** How many packs should have been sent {@code elapsedNanos} after the start. */
    long packsDue(long elapsedNanos) {
        return (long) Math.floor(elapsedNanos / 1e9 * packsPerSecond());
    }

    /** The station (0-based) that sends pack number {@code pack}. */
    int stationOf(long pack) {
        return (int) (pack % stations);
    }
}
