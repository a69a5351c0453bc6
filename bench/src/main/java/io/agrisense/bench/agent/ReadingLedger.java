package io.agrisense.bench.agent;

import io.agrisense.bench.common.LatencyRecorder;
import io.agrisense.protocol.MetricCatalogue;
import io.agrisense.protocol.senml.ResolvedRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every reading the subscriber received, keyed as the platform keys it: (metric, time in ms). The agent names a
 * reading by its metric only and keeps each metric's times strictly increasing, so within a metric stream the key
 * identifies one reading. A second arrival of a key with the same value is an exact QoS 1 copy (counted apart); with
 * another value it is a conflict; a new key older than its stream's newest is out of order. Thread-safe.
 */
final class ReadingLedger {

    private record Arrival(Double value, String text, long arrivalMillis) {
    }

    private final Set<String> sensorMetrics;
    private final Map<String, Map<Long, Arrival>> byMetric = new HashMap<>();
    private final Map<String, Long> newestByMetric = new HashMap<>();
    private final LatencyRecorder latency = new LatencyRecorder();
    private long latencyFromMillis = Long.MAX_VALUE;
    private long latencyToMillis = Long.MIN_VALUE;
    private long messages;
    private long exactCopies;
    private long conflicts;
    private long outOfOrder;
    private final List<String> firstProblems = new ArrayList<>();

    ReadingLedger(Set<String> sensorMetrics) {
        this.sensorMetrics = Set.copyOf(sensorMetrics);
    }

    /** Delivery latency (arrival minus reading time) is recorded for sensor readings stamped in this window. */
    synchronized void measureLatencyBetween(long fromMillis, long toMillis) {
        latencyFromMillis = fromMillis;
        latencyToMillis = toMillis;
    }

    /** One received pack, already decoded and resolved. */
    synchronized void accept(List<ResolvedRecord> pack, long arrivalMillis) {
        messages++;
        for (ResolvedRecord r : pack) {
            String metric = r.name().substring(r.name().lastIndexOf(':') + 1);
            long time = Math.round(r.time() * 1000);
            Arrival arrival = new Arrival(r.value(), r.stringValue(), arrivalMillis);
            Arrival earlier = byMetric.computeIfAbsent(metric, m -> new HashMap<>()).putIfAbsent(time, arrival);
            if (earlier != null) {
                if (Objects.equals(earlier.value(), arrival.value()) && Objects.equals(earlier.text(), arrival.text())) {
                    exactCopies++;
                } else {
                    conflicts++;
                    problem(metric + " at " + time + " ms arrived as " + earlier.value() + " and as " + arrival.value());
                }
                continue;
            }
            long newest = newestByMetric.getOrDefault(metric, Long.MIN_VALUE);
            if (time < newest) {
                outOfOrder++;
                problem(metric + " at " + time + " ms arrived after " + newest + " ms");
            }
            newestByMetric.put(metric, Math.max(newest, time));
            if (sensorMetrics.contains(metric) && time >= latencyFromMillis && time < latencyToMillis) {
                // a shared metric's times are pushed up a few ms by the agent's timestamp guard, so clamp at 0
                latency.record(Math.max(0, arrivalMillis - time) * 1_000_000L);
            }
        }
    }

    private void problem(String text) {
        if (firstProblems.size() < 5) {
            firstProblems.add(text);
        }
    }

    synchronized long messages() {
        return messages;
    }

    /** Distinct sensor readings received so far, per metric. */
    synchronized Map<String, Long> sensorReadingsByMetric() {
        Map<String, Long> out = new TreeMap<>();
        byMetric.forEach((metric, keys) -> {
            if (sensorMetrics.contains(metric)) {
                out.put(metric, (long) keys.size());
            }
        });
        return out;
    }

    synchronized long sensorReadings() {
        return sensorReadingsByMetric().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Distinct readings that are not a sensor's: the agent's health metrics and events. */
    synchronized long otherReadings() {
        return byMetric.entrySet().stream().filter(e -> !sensorMetrics.contains(e.getKey()))
                .mapToLong(e -> e.getValue().size()).sum();
    }

    /** Distinct sensor readings whose first copy arrived in [from, to). */
    synchronized long sensorArrivalsBetween(long fromMillis, long toMillis) {
        return sensorArrivals().filter(a -> a >= fromMillis && a < toMillis).count();
    }

    /** Distinct sensor readings stamped in [from, to). */
    synchronized long sensorReadingsStampedBetween(long fromMillis, long toMillis) {
        return byMetric.entrySet().stream().filter(e -> sensorMetrics.contains(e.getKey()))
                .flatMap(e -> e.getValue().keySet().stream()).filter(t -> t >= fromMillis && t < toMillis).count();
    }

    /** The last arrival of a sensor reading stamped before {@code millis}: when the backlog up to then was in. */
    synchronized long lastArrivalOfReadingsStampedBefore(long millis) {
        return byMetric.entrySet().stream().filter(e -> sensorMetrics.contains(e.getKey()))
                .flatMap(e -> e.getValue().entrySet().stream()).filter(e -> e.getKey() < millis)
                .mapToLong(e -> e.getValue().arrivalMillis()).max().orElse(Long.MIN_VALUE);
    }

    /** The first arrival of a sensor reading at or after {@code millis} (e.g. once the link is back). */
    synchronized long firstSensorArrivalFrom(long millis) {
        return sensorArrivals().filter(a -> a >= millis).mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
    }

    /** The largest value received for a metric (e.g. the agent's {@code agent_queue_records} health reading). */
    synchronized double maxValue(String metric) {
        return byMetric.getOrDefault(metric, Map.of()).values().stream().filter(a -> a.value() != null)
                .mapToDouble(Arrival::value).max().orElse(Double.NaN);
    }

    synchronized long exactCopies() {
        return exactCopies;
    }

    synchronized long conflicts() {
        return conflicts;
    }

    synchronized long outOfOrder() {
        return outOfOrder;
    }

    synchronized long events() {
        return byMetric.getOrDefault(MetricCatalogue.EVENT, Map.of()).size();
    }

    synchronized List<String> firstProblems() {
        return List.copyOf(firstProblems);
    }

    LatencyRecorder latency() {
        return latency;
    }

    /**
     * What is wrong, compared with the readings the agent says it produced per metric; empty when every reading
     * arrived exactly once (QoS 1 copies aside), in order, with no conflicting copy.
     */
    synchronized List<String> verify(Map<String, Long> producedByMetric) {
        List<String> out = new ArrayList<>();
        Map<String, Long> received = sensorReadingsByMetric();
        producedByMetric.forEach((metric, produced) -> {
            long got = received.getOrDefault(metric, 0L);
            if (got != produced) {
                out.add(metric + ": " + produced + " produced, " + got + " distinct received ("
                        + (got < produced ? produced - got + " missing" : got - produced + " unexpected") + ")");
            }
        });
        received.keySet().stream().filter(m -> !producedByMetric.containsKey(m))
                .forEach(m -> out.add(m + ": received but no sensor produces it"));
        if (conflicts > 0) {
            out.add(conflicts + " reading key(s) arrived with two different values");
        }
        if (outOfOrder > 0) {
            out.add(outOfOrder + " reading(s) arrived after a newer reading of the same metric");
        }
        return out;
    }

    private java.util.stream.Stream<Long> sensorArrivals() {
        return byMetric.entrySet().stream().filter(e -> sensorMetrics.contains(e.getKey()))
                .flatMap(e -> e.getValue().values().stream()).map(Arrival::arrivalMillis);
    }
}
