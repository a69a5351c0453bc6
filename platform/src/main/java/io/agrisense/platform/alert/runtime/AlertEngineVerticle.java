package io.agrisense.platform.alert.runtime;

import io.agrisense.platform.alert.Alert;
import io.agrisense.platform.alert.AlertEngine;
import io.agrisense.platform.alert.AlertState;
import io.agrisense.platform.alert.AlertTransition;
import io.agrisense.platform.alert.EffectiveRule;
import io.agrisense.platform.alert.EngineSnapshot;
import io.agrisense.platform.alert.RuleBook;
import io.agrisense.platform.alert.RuleDefinition;
import io.agrisense.platform.alert.RuleKind;
import io.agrisense.platform.alert.SnapshotCodec;
import io.agrisense.platform.alert.StationStatus;
import io.agrisense.platform.config.PlatformConfig;
import io.agrisense.platform.ingest.IngestEvents;
import io.agrisense.platform.ingest.ReadingBatch;
import io.agrisense.platform.ingest.StationStatusEvent;
import io.agrisense.platform.store.StoredReading;
import io.agrisense.protocol.StationId;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert engine inside the platform: owns one {@link AlertEngine} on this verticle's context and feeds it the
 * ingest stream (committed readings, station status), a timer (every {@code tickInterval}, and exactly when a
 * pending for-duration ends), operators' acknowledgements and rule changes. Every transition goes to the
 * {@link AlertJournal}: stored first, then notified. Restarts restore the engine from its saved state with the
 * active alerts of the table, so a firing alert is neither fired again nor forgotten.
 */
public final class AlertEngineVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEngineVerticle.class);

    private final AlertStore store;
    private final RuleStore ruleStore;
    private final AlertJournal journal;
    private final Clock clock;
    private final PlatformConfig.Alerts settings;
    private final AlertMetrics metrics;
    private final Map<String, String> profiles = new HashMap<>();
    private final Map<String, StationId> stationIds = new HashMap<>();
    private AlertEngine engine;
    private Context engineContext;
    private volatile RuleLibrary library;
    private Future<?> ruleChanges = Future.succeededFuture();
    private long dueTimer = -1;
    private Instant dueAt;

    public AlertEngineVerticle(AlertStore store, RuleStore ruleStore, AlertJournal journal, Clock clock,
                               PlatformConfig.Alerts settings, AlertMetrics metrics) {
        this.store = store;
        this.ruleStore = ruleStore;
        this.journal = journal;
        this.clock = clock;
        this.settings = settings;
        this.metrics = metrics;
    }

    private record Loaded(RuleLibrary library, EngineSnapshot snapshot, List<Alert> active, Map<String, String> stations) {
    }

    @Override
    public Future<?> start() {
        engineContext = context;
        return vertx.executeBlocking(this::load).onSuccess(this::begin);
    }

    private Loaded load() throws SQLException {
        RuleBook shipped = RuleBook.defaults();
        RuleLibrary lib;
        List<RuleLibrary.Overlay> overlays = ruleStore.load();
        try {
            lib = new RuleLibrary(shipped, overlays);
        } catch (IllegalArgumentException e) {
            LOG.error("The API-managed rules do not fit with the shipped ones ({}); using the shipped rules only", e.getMessage());
            lib = new RuleLibrary(shipped, List.of());
        }
        EngineSnapshot snapshot = null;
        Optional<String> saved = store.snapshot();
        if (saved.isPresent()) {
            try {
                snapshot = SnapshotCodec.fromJson(saved.get());
                if (snapshot.version() != EngineSnapshot.VERSION) {
                    LOG.warn("Saved alert engine state has version {}, not {}: starting from the active alerts only",
                            snapshot.version(), EngineSnapshot.VERSION);
                    snapshot = null;
                }
            } catch (IllegalArgumentException e) {
                LOG.warn("Saved alert engine state cannot be read ({}): starting from the active alerts only", e.getMessage());
            }
        }
        return new Loaded(lib, snapshot, store.activeAlerts(), store.stationProfiles());
    }

    private void begin(Loaded loaded) {
        library = loaded.library();
        EngineSnapshot snapshot = loaded.snapshot() != null ? loaded.snapshot()
                : new EngineSnapshot(EngineSnapshot.VERSION, clock.instant(), List.of(), List.of(), List.of());
        engine = AlertEngine.restore(library.book(), clock, () -> UUID.randomUUID().toString(),
                snapshot.withActiveAlerts(loaded.active()));
        loaded.stations().forEach((station, profile) -> {
            if (StationId.isValid(station)) {
                profiles.put(station, profile);
                engine.registerStation(StationId.of(station), profile);
            }
        });
        metrics.active = engine.activeAlerts().size();
        LOG.info("Alert engine started: {} rules in force, {} active alerts restored{}", library.book().definitions().size(),
                loaded.active().size(), loaded.snapshot() == null ? "" : " with the saved evaluation state");
        vertx.eventBus().<ReadingBatch>localConsumer(IngestEvents.READINGS_COMMITTED, m -> onReadings(m.body()));
        vertx.eventBus().<StationStatusEvent>localConsumer(IngestEvents.STATION_STATUS, m -> onStatus(m.body()));
        vertx.setPeriodic(settings.tickInterval().toMillis(), id -> tick());
        vertx.setPeriodic(settings.snapshotInterval().toMillis(), id -> saveSnapshot());
    }

    @Override
    public Future<?> stop() {
        if (engine != null) {
            saveSnapshot();
        }
        return Future.succeededFuture();
    }

    // ---- the stream ---------------------------------------------------------------------------------------------

    void onReadings(ReadingBatch batch) {
        List<StoredReading> readings = batch.readings();
        for (int i = 0; i < readings.size(); i++) {
            StoredReading r = readings.get(i);
            StationId station = stationId(r.station());
            if (station == null) {
                continue;
            }
            if (r.profile() != null) {
                profiles.put(r.station(), r.profile());
            }
            List<AlertTransition> out = engine.onReading(station, r.profile(), r.metric(), r.time(), r.value());
            if (!out.isEmpty()) {
                Instant received = batch.receivedAt(i);
                out.forEach(t -> submit(new DecidedTransition(t, received, received)));
            }
        }
        scheduleDue();
    }

    /** Parsed once per station: ingest already validated the ids, this keeps the regex off the hot path. */
    private StationId stationId(String id) {
        StationId known = stationIds.get(id);
        if (known == null && StationId.isValid(id)) {
            known = StationId.of(id);
            stationIds.put(id, known);
        }
        return known;
    }

    void onStatus(StationStatusEvent e) {
        StationId id = stationId(e.station());
        if (id == null) {
            return;
        }
        if (e.profile() != null && !e.profile().equals(profiles.get(e.station()))) {
            profiles.put(e.station(), e.profile());
            engine.registerStation(id, e.profile());
        }
        engine.onStatus(id, e.online() ? StationStatus.ONLINE : StationStatus.OFFLINE, e.time())
                .forEach(t -> submit(new DecidedTransition(t, null, null)));
        scheduleDue();
    }

    void tick() {
        for (AlertTransition t : engine.tick()) {
            submit(new DecidedTransition(t, null, timerEvidence(t)));
        }
        scheduleDue();
    }

    /** A threshold or rate alert the timer fires was due when its for-duration ended. */
    private Instant timerEvidence(AlertTransition t) {
        if (t.state() != AlertState.FIRING) {
            return null;
        }
        Alert a = t.alert();
        return library.book().applicable(a.station(), profiles.get(a.station().value())).stream()
                .filter(r -> r.id().equals(a.ruleId()))
                .filter(r -> r.kind() == RuleKind.THRESHOLD || r.kind() == RuleKind.RATE_OF_CHANGE)
                .findFirst().map(EffectiveRule::forDuration).map(d -> a.conditionSince().plus(d)).orElse(null);
    }

    /** Runs the timer right when the earliest pending for-duration ends, not at the next periodic tick. */
    private void scheduleDue() {
        Optional<Instant> due = engine.nextDue();
        if (due.isEmpty() || (dueAt != null && !due.get().isBefore(dueAt))) {
            return;
        }
        if (dueTimer >= 0) {
            vertx.cancelTimer(dueTimer);
        }
        dueAt = due.get();
        long delay = Math.max(1, Duration.between(clock.instant(), dueAt).toMillis() + 1);
        dueTimer = vertx.setTimer(delay, id -> {
            dueTimer = -1;
            dueAt = null;
            tick();
        });
    }

    private Future<AlertRecord> submit(DecidedTransition d) {
        AlertTransition t = d.transition();
        metrics.transition(t.state().wireName(), t.alert().severity().wireName());
        metrics.active = engine.activeAlerts().size();
        if (t.state() == AlertState.FIRING) {
            LOG.info("Alert {} firing: {} {} at {} ({})", t.alert().id(), t.alert().severity().wireName(),
                    t.alert().ruleId(), t.alert().station(), t.reason());
        } else {
            LOG.info("Alert {} {}: {} at {} ({})", t.alert().id(), t.state().wireName(), t.alert().ruleId(),
                    t.alert().station(), t.reason());
        }
        return Future.fromCompletionStage(journal.submit(d), engineContext);
    }

    private void saveSnapshot() {
        try {
            journal.submitSnapshot(engine.snapshot(), engine.activeAlerts());
        } catch (RuntimeException e) {
            LOG.warn("Alert engine state not saved: {}", e.toString());
        }
    }

    // ---- operators ----------------------------------------------------------------------------------------------

    /** The rules in force (readable from any thread). */
    public RuleLibrary rules() {
        return library;
    }

    /**
     * Acknowledges an active alert; completes once stored and notified. Fails with {@link java.util.NoSuchElementException}
     * when no active alert has this id; an alert already acknowledged completes with null.
     */
    public Future<AlertRecord> acknowledge(String alertId, String operator) {
        return onEngine(() -> engine.acknowledge(alertId, operator)
                .map(t -> submit(new DecidedTransition(t, null, null)))
                .orElse(Future.succeededFuture(null)));
    }

    public Future<RuleLibrary.Entry> createRule(RuleDefinition rule) {
        return changeRules(lib -> lib.create(rule, clock.instant()), rule.id());
    }

    public Future<RuleLibrary.Entry> updateRule(RuleDefinition rule) {
        return changeRules(lib -> lib.update(rule, clock.instant()), rule.id());
    }

    public Future<RuleLibrary.Entry> deleteRule(String id) {
        return changeRules(lib -> lib.delete(id, clock.instant()), id);
    }

    /** One rule change at a time: decide on the current library, store, then swap the engine's rules. */
    private Future<RuleLibrary.Entry> changeRules(Function<RuleLibrary, RuleLibrary.Change> change, String id) {
        return onEngine(() -> {
            Future<RuleLibrary.Entry> done = ruleChanges.transform(ignored -> {
                RuleLibrary.Change c = change.apply(library);
                return vertx.executeBlocking(() -> {
                    ruleStore.save(c);
                    return c;
                }).map(saved -> {
                    library = saved.library();
                    engine.replaceRules(library.book()).forEach(t -> submit(new DecidedTransition(t, null, null)));
                    LOG.info("Rule '{}' {}; {} rules in force", id, saved.removedId() != null || saved.saved().deleted()
                            ? "deleted" : "stored", library.book().definitions().size());
                    scheduleDue();
                    return library.entry(id).orElse(null);
                });
            });
            ruleChanges = done;
            return done;
        });
    }

    private <T> Future<T> onEngine(Supplier<Future<T>> work) {
        Promise<T> p = Promise.promise();
        engineContext.runOnContext(v -> {
            try {
                work.get().onComplete(p);
            } catch (RuntimeException e) {
                p.fail(e);
            }
        });
        return p.future();
    }
}
