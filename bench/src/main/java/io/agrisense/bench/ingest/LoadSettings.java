package io.agrisense.bench.ingest;

import java.time.Duration;

/**
 * The load of one run, the same for every phase.
 *
 * @param targetReadingsPerSecond 0: as fast as the windows allow
 * @param maxInFlight             unacknowledged QoS 1 PUBLISHes per client (further capped by the broker's Receive Maximum)
 * @param maxOutstandingPacks     packs between publish and commit in the platform phase, over all clients
 * @param rawOutstandingPacks     packs between publish and arrival in the raw broker phase, over all clients
 */
record LoadSettings(int stations, int readingsPerPack, int publishers, Duration warmup, Duration duration,
                    double targetReadingsPerSecond, int maxInFlight, int maxOutstandingPacks, int rawOutstandingPacks) {

    LoadSettings {
        if (stations < 1 || readingsPerPack < 1 || publishers < 1 || maxInFlight < 1 || maxOutstandingPacks < 1
                || rawOutstandingPacks < 1) {
            throw new IllegalArgumentException("stations, readings per pack, publishers and windows must be at least 1");
        }
        if (publishers > stations) {
            throw new IllegalArgumentException("more publishers (" + publishers + ") than stations (" + stations + ")");
        }
        if (duration.isZero() || duration.isNegative() || warmup.isNegative()) {
            throw new IllegalArgumentException("the duration must be positive and the warm-up not negative");
        }
    }

    /** Packs per second over all stations for the target rate; 0 for as fast as possible. */
    double packsPerSecond() {
        return targetReadingsPerSecond / readingsPerPack;
    }
}
