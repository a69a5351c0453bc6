package io.agrisense.platform.model.runtime;

import io.agrisense.platform.ingest.IngestEvents;
import io.agrisense.platform.ingest.ReadingBatch;
import io.agrisense.platform.model.derived.DerivedReading;
import io.agrisense.platform.model.derived.DerivedSeries;
import io.agrisense.platform.model.derived.LatestReading;
import io.agrisense.platform.store.ReadingWriter;
import io.agrisense.platform.store.StoredReading;
import io.agrisense.platform.store.WriteResult;
import io.agrisense.protocol.Metric;
import io.agrisense.protocol.MetricCatalogue;
import io.agrisense.protocol.StationId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Models on the stream: for each committed batch, the derived series its readings allow (dew point, VPD, THI,
 * DO saturation, AQI; {@link DerivedSeries}) are computed from each station's latest readings and written through
 * the {@link ReadingWriter} on a worker, never on the event loop. They come back on the stream like any reading,
 * so rules can watch them; readings of derived metrics are never inputs, which keeps derivation from looping.
 * Writes are batched and bounded: when the database falls behind, the oldest pending derived readings are dropped
 * (counted; they can be computed again) rather than holding anything up.
 */
public final class DerivedSeriesVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(DerivedSeriesVerticle.class);
    static final int MAX_PENDING = 50_000;
    static final int MAX_WRITE = 5_000;

    private final ReadingWriter writer;
    private final DerivedSeries models;
    private final MeterProvider<Counter> derived;
    private final Map<String, Map<String, LatestReading>> latest = new HashMap<>();
    private final Map<String, Map<String, Instant>> lastDerived = new HashMap<>();
    private final Map<String, String> profiles = new HashMap<>();
    private final Deque<StoredReading> pending = new ArrayDeque<>();
    private WorkerExecutor workers;
    private boolean writing;

    public DerivedSeriesVerticle(ReadingWriter writer, DerivedSeries models, MeterRegistry metrics) {
        this.writer = writer;
        this.models = models;
        this.derived = Counter.builder("agri.derived.readings")
                .description("Derived readings (dew point, VPD, THI, DO saturation, AQI, GDD, ET0) by outcome").withRegistry(metrics);
    }

    @Override
    public Future<?> start() {
        workers = vertx.createSharedWorkerExecutor("agri-derived-writer", 1);
        vertx.eventBus().<ReadingBatch>localConsumer(IngestEvents.READINGS_COMMITTED, m -> onBatch(m.body()));
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        return workers == null ? Future.succeededFuture() : workers.close();
    }

    void onBatch(ReadingBatch batch) {
        List<StoredReading> out = derive(batch.readings());
        if (out.isEmpty()) {
            return;
        }
        pending.addAll(out);
        while (pending.size() > MAX_PENDING) {
            pending.removeFirst();
            derived.withTags("outcome", "dropped").increment();
        }
        writeNext();
    }

    /**
     * The derived readings a batch gives. Each station's readings are taken in time order, a time at once (a pack
     * usually carries temperature and humidity with the same time), so a replayed backlog gets its derived values
     * too; each derived value is produced once, at its newest input's time.
     */
    List<StoredReading> derive(List<StoredReading> readings) {
        Map<String, List<StoredReading>> byStation = new LinkedHashMap<>();
        for (StoredReading r : readings) {
            if (isInput(r.metric()) && Double.isFinite(r.value()) && StationId.isValid(r.station())) {
                byStation.computeIfAbsent(r.station(), k -> new ArrayList<>()).add(r);
            } // derived series (ours coming back) and health metrics feed no model
        }
        List<StoredReading> out = new ArrayList<>();
        for (Map.Entry<String, List<StoredReading>> e : byStation.entrySet()) {
            List<StoredReading> station = new ArrayList<>(e.getValue());
            station.sort(java.util.Comparator.comparing(StoredReading::time));
            String profile = station.stream().map(StoredReading::profile).filter(java.util.Objects::nonNull)
                    .reduce((a, b) -> b).orElse(profiles.get(e.getKey()));
            if (profile != null) {
                profiles.put(e.getKey(), profile);
            }
            int i = 0;
            while (i < station.size()) {
                Instant time = station.get(i).time();
                Set<String> changed = new LinkedHashSet<>();
                for (; i < station.size() && station.get(i).time().equals(time); i++) {
                    if (remember(e.getKey(), station.get(i))) {
                        changed.add(station.get(i).metric());
                    }
                }
                out.addAll(deriveAt(e.getKey(), profile, changed));
            }
        }
        return out;
    }

    /** Keeps a reading as its metric's latest; false when an equal or newer one is already known. */
    private boolean remember(String station, StoredReading r) {
        Map<String, LatestReading> known = latest.computeIfAbsent(station, k -> new HashMap<>());
        LatestReading previous = known.get(r.metric());
        if (previous != null && !r.time().isAfter(previous.time())) {
            return false;
        }
        known.put(r.metric(), new LatestReading(r.metric(), r.time(), r.value()));
        return true;
    }

    private List<StoredReading> deriveAt(String station, String profile, Set<String> changed) {
        Map<String, DerivedReading> byMetric = new LinkedHashMap<>();
        for (String metric : changed) {
            for (DerivedReading d : models.deriveAfter(StationId.of(station), profile, latest.get(station), metric)) {
                byMetric.put(d.metric(), d); // all inputs of this time are in: the last computation is the complete one
            }
        }
        Map<String, Instant> last = lastDerived.computeIfAbsent(station, k -> new HashMap<>());
        List<StoredReading> out = new ArrayList<>();
        for (DerivedReading d : byMetric.values()) {
            Instant before = last.get(d.metric());
            if (before != null && !d.time().isAfter(before)) {
                continue; // already derived at this time: the same key with another value would be a conflict
            }
            last.put(d.metric(), d.time());
            out.add(new StoredReading(station, profile, d.metric(), d.time(), d.value()));
        }
        return out;
    }

    static boolean isInput(String metric) {
        return MetricCatalogue.lookup(metric).map(m -> m.origin() == Metric.Origin.MEASURED).orElse(false);
    }

    private void writeNext() {
        if (writing || pending.isEmpty()) {
            return;
        }
        List<StoredReading> chunk = new ArrayList<>(Math.min(pending.size(), MAX_WRITE));
        while (!pending.isEmpty() && chunk.size() < MAX_WRITE) {
            chunk.add(pending.removeFirst());
        }
        writing = true;
        workers.executeBlocking(() -> writer.write(chunk)).onComplete(ar -> {
            writing = false;
            if (ar.succeeded()) {
                WriteResult r = ar.result();
                derived.withTags("outcome", "stored").increment(r.stored());
                derived.withTags("outcome", "duplicate").increment(r.duplicates());
                derived.withTags("outcome", "rejected").increment(r.rejected().size());
                if (!r.rejected().isEmpty()) {
                    LOG.warn("{} derived reading(s) rejected, e.g. {}", r.rejected().size(), r.rejected().get(0).reason());
                }
            } else {
                derived.withTags("outcome", "failed").increment(chunk.size());
                LOG.warn("{} derived reading(s) not stored: {}", chunk.size(), ar.cause().getMessage());
            }
            writeNext();
        });
    }
}
