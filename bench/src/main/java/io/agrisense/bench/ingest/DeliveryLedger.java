package io.agrisense.bench.ingest;

import io.agrisense.bench.common.LatencyRecorder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What was published and what came back, pack by pack: the exact-count check of every phase that goes through the
 * broker. A pack seen twice counts as a duplicate, a published pack never seen as missing. While
 * {@link #measuring} is on, the publish-to-arrival time of each pack goes into {@link #lag()}. Each first arrival
 * returns one permit to {@link #outstanding()}, which is how the load generator keeps at most that many packs
 * between publisher and destination (a broker drops QoS 1 messages beyond its queue limit for a slow subscriber).
 */
final class DeliveryLedger {

    private final int readingsPerPack;
    private final long[] published;
    private final BitSet[] arrived;
    private final ConcurrentHashMap<Long, Long> publishNanos = new ConcurrentHashMap<>();
    private final AtomicLong arrivedPacks = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final Semaphore outstanding;
    private final LatencyRecorder lag = new LatencyRecorder();
    private volatile boolean measuring;

    DeliveryLedger(int stations, int readingsPerPack, int maxOutstandingPacks) {
        this.readingsPerPack = readingsPerPack;
        this.published = new long[stations];
        this.arrived = new BitSet[stations];
        for (int i = 0; i < stations; i++) {
            arrived[i] = new BitSet();
        }
        this.outstanding = new Semaphore(maxOutstandingPacks);
    }

    Semaphore outstanding() {
        return outstanding;
    }

    /** Called by the one publisher that owns the station, just before the pack is handed to the client. */
    void published(int station, long seq, long nanos) {
        publishNanos.put(key(station, seq), nanos);
        synchronized (this) {
            published[station] = Math.max(published[station], seq + 1);
        }
    }

    /** Called when pack {@code seq} of a station reached its destination (subscriber or committed transaction). */
    void arrived(int station, long seq, long nanos) {
        if (seq > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("pack number " + seq + " is beyond this ledger's range");
        }
        boolean first;
        synchronized (this) {
            first = !arrived[station].get((int) seq);
            arrived[station].set((int) seq);
        }
        if (!first) {
            duplicates.incrementAndGet();
            return;
        }
        arrivedPacks.incrementAndGet();
        outstanding.release();
        Long sent = publishNanos.remove(key(station, seq));
        if (sent != null && measuring) {
            lag.record(Math.max(0, nanos - sent));
        }
    }

    void measuring(boolean on) {
        measuring = on;
    }

    long arrivedPacks() {
        return arrivedPacks.get();
    }

    long arrivedReadings() {
        return arrivedPacks.get() * readingsPerPack;
    }

    synchronized long publishedPacks() {
        long sum = 0;
        for (long p : published) {
            sum += p;
        }
        return sum;
    }

    long duplicates() {
        return duplicates.get();
    }

    LatencyRecorder lag() {
        return lag;
    }

    /**
     * After publishing stopped: waits until every published pack arrived, or until nothing arrived for
     * {@code stall}; returns whether all arrived.
     */
    boolean awaitAll(java.time.Duration stall) throws InterruptedException {
        long last = arrivedPacks();
        long lastProgress = System.nanoTime();
        while (arrivedPacks() < publishedPacks()) {
            Thread.sleep(20);
            long now = arrivedPacks();
            if (now != last) {
                last = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stall.toNanos()) {
                return false;
            }
        }
        return true;
    }

    /** Per station with a gap: "station: n of m packs arrived"; empty when every published pack arrived. */
    synchronized List<String> missing(PackSchedule schedule) {
        List<String> gaps = new ArrayList<>();
        for (int s = 0; s < published.length; s++) {
            int seen = arrived[s].cardinality();
            boolean exact = seen == published[s] && arrived[s].length() == published[s];
            if (!exact) {
                gaps.add(schedule.stationId(s) + ": " + seen + " of " + published[s] + " packs arrived");
            }
        }
        return gaps;
    }

    private static long key(int station, long seq) {
        return ((long) station << 40) | seq;
    }
}
