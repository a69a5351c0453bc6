package io.agrisense.platform.alert;

import io.agrisense.protocol.Metric;
import io.agrisense.protocol.MetricCatalogue;
import io.agrisense.protocol.StationId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Evaluates alert rules on the stream of readings and station status events and decides alert transitions;
 * it does no I/O. Single-threaded: call it from one thread (a Vert.x context). Lifecycle timing (for-durations,
 * staleness, heartbeats) runs on the injected clock, i.e. when the platform learned something, because station
 * clocks drift and buffered readings arrive late; reading times order each metric's readings and measure
 * rates of change.
 *
 * <p>Phase 2 persists and notifies every returned {@link AlertTransition}, calls {@link #tick()} every few
 * seconds, and stores {@link #snapshot()} so that {@link #restore} brings back firing alerts after a restart.
 */
public final class AlertEngine {

    /** A wildcard no-data rule waits at least this many of a metric's sampling intervals. */
    static final int MISSED_SAMPLES_FOR_ANY_METRIC = 3;

    private record Applicable(String profile, List<EffectiveRule> rules) {
    }

    private final Clock clock;
    private final AlertLifecycle lifecycle;
    private RuleBook rules;
    final Map<StationId, StationActivity> stations = new LinkedHashMap<>();
    final Map<AlertKey, ConditionTrack> tracks = new LinkedHashMap<>();
    final Map<String, AlertKey> activeById = new HashMap<>();
    private final Map<StationId, Applicable> applicableCache = new HashMap<>();
    /** The earliest instant a pending for-duration may end; null when nothing is pending (or not known yet). */
    private Instant nextDue;

    public AlertEngine(RuleBook rules, Clock clock, Supplier<String> alertIds) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifecycle = new AlertLifecycle(Objects.requireNonNull(alertIds, "alertIds"));
    }

    /** Alert ids are random UUIDs. */
    public AlertEngine(RuleBook rules, Clock clock) {
        this(rules, clock, () -> UUID.randomUUID().toString());
    }

    /** Rebuilds an engine from a snapshot; see {@link EngineSnapshot} for what restoring guarantees. */
    public static AlertEngine restore(RuleBook rules, Clock clock, Supplier<String> alertIds, EngineSnapshot snapshot) {
        AlertEngine engine = new AlertEngine(rules, clock, alertIds);
        EngineSnapshots.restore(engine, snapshot, clock.instant());
        return engine;
    }

    /**
     * One reading from a station (measured or derived).
     *
     * @param profile the station's profile, or null when unknown (the last known one is kept)
     * @param time    the reading's own time
     */
    public List<AlertTransition> onReading(StationId station, String profile, String metric, Instant time, double value) {
        Instant now = clock.instant();
        StationActivity st = activity(station);
        if (profile != null && !profile.equals(st.profile)) {
            st.profile = profile;
            applicableCache.remove(station);
        }
        st.heard(now);
        st.status = StationStatus.ONLINE;
        boolean inOrder = st.arrived(metric, time, now);
        List<AlertTransition> out = new ArrayList<>();
        for (EffectiveRule r : applicable(st)) {
            switch (r.kind()) {
                case THRESHOLD, RATE_OF_CHANGE -> {
                    if (inOrder && r.metric().equals(metric) && Double.isFinite(value)) {
                        evaluate(r, station, metric, time, value, now, out);
                    }
                }
                case NO_DATA -> {
                    if (r.metric().equals(metric) || (r.watchesAnyMetric() && watchedByAnyMetricRules(metric))) {
                        clearIfLatched(new AlertKey(r.id(), station, metric), now, metric + " reading received", out);
                    }
                }
                case STATION_OFFLINE -> clearIfLatched(new AlertKey(r.id(), station, AlertKey.STATION_STATUS), now,
                        "reading received: the station is online", out);
            }
        }
        return out;
    }

    /** A station status event (retained status message or Last Will), processed in arrival order. */
    public List<AlertTransition> onStatus(StationId station, StationStatus status, Instant time) {
        Instant now = clock.instant();
        StationActivity st = activity(station);
        st.status = status;
        if (status == StationStatus.ONLINE) {
            st.heard(now);
        }
        List<AlertTransition> out = new ArrayList<>();
        for (EffectiveRule r : applicable(st)) {
            if (r.kind() != RuleKind.STATION_OFFLINE) {
                continue;
            }
            AlertKey key = new AlertKey(r.id(), station, AlertKey.STATION_STATUS);
            if (status == StationStatus.OFFLINE) {
                ConditionTrack t = track(key);
                if (!t.latched) {
                    lifecycle.holds(t, r, null, time, now, "station reported offline").ifPresent(tr -> record(tr, out));
                    notePending(t, r);
                }
            } else {
                clearIfLatched(key, now, "station reported online", out);
            }
        }
        return out;
    }

    /** The timer: missing heartbeats, stale metrics, for-durations that have elapsed, rules that went away. */
    public List<AlertTransition> tick() {
        Instant now = clock.instant();
        List<AlertTransition> out = new ArrayList<>();
        resolveOrphans(now, out);
        for (StationActivity st : stations.values()) {
            List<EffectiveRule> stationRules = applicable(st);
            for (EffectiveRule r : stationRules) {
                if (r.kind() == RuleKind.STATION_OFFLINE) {
                    checkHeartbeat(st, r, now, out);
                }
            }
            boolean down = isDown(st, stationRules);
            for (EffectiveRule r : stationRules) {
                if (r.kind() == RuleKind.NO_DATA && !down) {
                    checkStaleness(st, r, now, out);
                }
            }
        }
        nextDue = null;
        for (ConditionTrack t : new ArrayList<>(tracks.values())) {
            if (t.pending()) {
                Optional<EffectiveRule> rule = ruleFor(t.key);
                rule.flatMap(r -> lifecycle.expire(t, r, now)).ifPresent(tr -> record(tr, out));
                rule.ifPresent(r -> notePending(t, r));
            }
        }
        return out;
    }

    /**
     * When the earliest pending for-duration ends, so the caller can run {@link #tick()} right then instead of
     * at its next periodic tick; empty when no condition is pending. May be early (a condition that cleared
     * meanwhile), never late.
     */
    public Optional<Instant> nextDue() {
        return Optional.ofNullable(nextDue);
    }

    /**
     * An operator acknowledges an active alert: it stays active until its condition clears.
     *
     * @return empty when it was already acknowledged
     * @throws NoSuchElementException when no active alert has this id (unknown or already resolved)
     */
    public Optional<AlertTransition> acknowledge(String alertId, String operator) {
        AlertKey key = activeById.get(alertId);
        if (key == null) {
            throw new NoSuchElementException("no active alert with id '" + alertId + "'");
        }
        return lifecycle.acknowledge(tracks.get(key), operator, clock.instant());
    }

    /** Swaps the rules (API create/update/delete); alerts of rules that no longer apply are resolved. */
    public List<AlertTransition> replaceRules(RuleBook newRules) {
        this.rules = Objects.requireNonNull(newRules, "newRules");
        applicableCache.clear();
        List<AlertTransition> out = new ArrayList<>();
        resolveOrphans(clock.instant(), out);
        return out;
    }

    /** Tells the engine a station's profile before it is heard (e.g. from the station table at start-up). */
    public void registerStation(StationId station, String profile) {
        activity(station).profile = profile;
        applicableCache.remove(station);
    }

    public RuleBook rules() {
        return rules;
    }

    /** Firing and acknowledged alerts, oldest first. */
    public List<Alert> activeAlerts() {
        return tracks.values().stream().filter(t -> t.alert != null).map(t -> t.alert)
                .sorted(Comparator.comparing(Alert::firedAt).thenComparing(Alert::id)).toList();
    }

    public Optional<Alert> activeAlert(String alertId) {
        return Optional.ofNullable(activeById.get(alertId)).map(k -> tracks.get(k).alert);
    }

    public EngineSnapshot snapshot() {
        return EngineSnapshots.take(this, clock.instant());
    }

    private void evaluate(EffectiveRule r, StationId station, String metric, Instant time, double value, Instant now,
                          List<AlertTransition> out) {
        ConditionTrack t = track(new AlertKey(r.id(), station, metric));
        MetricConditions.Outcome o = r.kind() == RuleKind.THRESHOLD
                ? MetricConditions.threshold(t, r, value)
                : MetricConditions.rateOfChange(t, r, time, value);
        (o.holds() ? lifecycle.holds(t, r, o.value(), time, now, o.description())
                : lifecycle.cleared(t, o.value(), now, o.description())).ifPresent(tr -> record(tr, out));
        notePending(t, r);
    }

    private void checkHeartbeat(StationActivity st, EffectiveRule r, Instant now, List<AlertTransition> out) {
        boolean silent = r.timeout() != null && st.lastHeard != null && !now.isBefore(st.lastHeard.plus(r.timeout()));
        if (st.status != StationStatus.OFFLINE && !silent) {
            return; // only a message from the station clears an offline alert
        }
        ConditionTrack t = track(new AlertKey(r.id(), st.station, AlertKey.STATION_STATUS));
        if (!t.latched) {
            String why = st.status == StationStatus.OFFLINE ? "station reported offline"
                    : "no message from the station for " + DurationText.format(r.timeout()) + " (last at " + st.lastHeard + ")";
            lifecycle.holds(t, r, null, null, now, why).ifPresent(tr -> record(tr, out));
            notePending(t, r);
        }
    }

    private void checkStaleness(StationActivity st, EffectiveRule r, Instant now, List<AlertTransition> out) {
        List<String> metrics = r.watchesAnyMetric()
                ? st.metrics.keySet().stream().filter(AlertEngine::watchedByAnyMetricRules).toList()
                : List.of(r.metric());
        for (String metric : metrics) {
            Instant lastArrival = st.lastArrival(metric);
            Instant since = lastArrival != null ? lastArrival : st.firstHeard;
            if (since == null) {
                continue;
            }
            Duration timeout = r.timeout();
            Duration interval = r.watchesAnyMetric() && st.metrics.containsKey(metric)
                    ? st.metrics.get(metric).samplingInterval() : null;
            if (interval != null && interval.multipliedBy(MISSED_SAMPLES_FOR_ANY_METRIC).compareTo(timeout) > 0) {
                timeout = interval.multipliedBy(MISSED_SAMPLES_FOR_ANY_METRIC);
            }
            if (now.isBefore(since.plus(timeout))) {
                continue;
            }
            ConditionTrack t = track(new AlertKey(r.id(), st.station, metric));
            if (!t.latched) {
                String why = "no " + metric + " reading for " + DurationText.format(timeout)
                        + (lastArrival != null ? " (last at " + lastArrival + ")" : " (none since the station was first heard at " + since + ")");
                lifecycle.holds(t, r, null, null, now, why).ifPresent(tr -> record(tr, out));
                notePending(t, r);
            }
        }
    }

    /** Offline (reported or by heartbeat): its metrics' silence is explained, so no-data alerts would be noise. */
    private boolean isDown(StationActivity st, List<EffectiveRule> stationRules) {
        if (st.status == StationStatus.OFFLINE) {
            return true;
        }
        for (EffectiveRule r : stationRules) {
            if (r.kind() == RuleKind.STATION_OFFLINE) {
                ConditionTrack t = tracks.get(new AlertKey(r.id(), st.station, AlertKey.STATION_STATUS));
                if (t != null && t.latched) {
                    return true;
                }
            }
        }
        return false;
    }

    private void resolveOrphans(Instant now, List<AlertTransition> out) {
        Iterator<ConditionTrack> it = tracks.values().iterator();
        while (it.hasNext()) {
            ConditionTrack t = it.next();
            if (ruleFor(t.key).isEmpty()) {
                AlertTransition tr = lifecycle.resolve(t, null, now,
                        "rule '" + t.key.ruleId() + "' no longer applies to this station (removed, disabled or rescoped)");
                if (tr != null) {
                    record(tr, out);
                }
                it.remove();
            }
        }
    }

    private void notePending(ConditionTrack t, EffectiveRule r) {
        if (t.pending()) {
            Instant due = t.since.plus(r.forDuration());
            if (nextDue == null || due.isBefore(nextDue)) {
                nextDue = due;
            }
        }
    }

    private void clearIfLatched(AlertKey key, Instant now, String reason, List<AlertTransition> out) {
        ConditionTrack t = tracks.get(key);
        if (t != null && t.latched) {
            lifecycle.cleared(t, null, now, reason).ifPresent(tr -> record(tr, out));
        }
    }

    private void record(AlertTransition tr, List<AlertTransition> out) {
        if (tr.state() == AlertState.FIRING) {
            activeById.put(tr.alert().id(), tr.alert().key());
        } else if (tr.state() == AlertState.RESOLVED) {
            activeById.remove(tr.alert().id());
        }
        out.add(tr);
    }

    Optional<EffectiveRule> ruleFor(AlertKey key) {
        StationActivity st = stations.get(key.station());
        if (st == null) {
            return Optional.empty();
        }
        return applicable(st).stream().filter(r -> r.id().equals(key.ruleId())).findFirst();
    }

    private List<EffectiveRule> applicable(StationActivity st) {
        Applicable cached = applicableCache.get(st.station);
        if (cached == null || !Objects.equals(cached.profile(), st.profile)) {
            cached = new Applicable(st.profile, rules.applicable(st.station, st.profile));
            applicableCache.put(st.station, cached);
        }
        return cached.rules();
    }

    StationActivity activity(StationId station) {
        return stations.computeIfAbsent(station, StationActivity::new);
    }

    ConditionTrack track(AlertKey key) {
        return tracks.computeIfAbsent(key, ConditionTrack::new);
    }

    /** Wildcard no-data rules watch measured and health series; derived ones go stale with their inputs. */
    static boolean watchedByAnyMetricRules(String metric) {
        return MetricCatalogue.lookup(metric).map(m -> m.origin() != Metric.Origin.DERIVED).orElse(false);
    }
}
