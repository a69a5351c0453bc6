package io.agrisense.bench.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs every probe on its own thread while the background load runs, and measures the load the broker actually
 * acknowledged between the end of the warm-up and the last probe's last cycle.
 */
final class ProbeRun {

    record Outcome(List<CycleResult> results, double achievedReadingsPerSecond, Duration measured) {
    }

    private ProbeRun() {
    }

    static Outcome run(List<ProbeStation> probes, BackgroundLoad load, ProbeStation.Schedule schedule)
            throws InterruptedException, ExecutionException {
        load.start();
        ExecutorService pool = Executors.newFixedThreadPool(probes.size());
        try {
            List<Future<List<CycleResult>>> running = new ArrayList<>();
            for (ProbeStation p : probes) {
                running.add(pool.submit(() -> p.run(schedule)));
            }
            Thread.sleep(Math.max(0, (schedule.warmupEndNanos() - System.nanoTime()) / 1_000_000));
            long ackedAtStart = load.readingsAcked();
            long start = System.nanoTime();
            List<CycleResult> results = new ArrayList<>();
            for (Future<List<CycleResult>> f : running) {
                results.addAll(f.get());
            }
            long end = System.nanoTime();
            double achieved = (load.readingsAcked() - ackedAtStart) / ((end - start) / 1e9);
            return new Outcome(results, achieved, Duration.ofNanos(end - start));
        } finally {
            pool.shutdownNow();
            load.stop();
        }
    }
}
