package io.agrisense.platform.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Takes an engine's state apart into an {@link EngineSnapshot} and puts it back together. */
final class EngineSnapshots {

    private EngineSnapshots() {
    }

    static EngineSnapshot take(AlertEngine engine, Instant now) {
        List<EngineSnapshot.Track> tracks = new ArrayList<>();
        List<Alert> active = new ArrayList<>();
        for (ConditionTrack t : engine.tracks.values()) {
            if (t.alert != null) {
                active.add(t.alert);
            }
            if (t.latched || t.alert != null || !t.samples.isEmpty()) {
                tracks.add(new EngineSnapshot.Track(t.key.ruleId(), t.key.station(), t.key.metric(), t.latched, t.since,
                        t.value, t.valueTime, t.worst, t.description, t.alert == null ? null : t.alert.id(),
                        List.copyOf(t.samples)));
            }
        }
        List<EngineSnapshot.Station> stations = new ArrayList<>();
        for (StationActivity st : engine.stations.values()) {
            List<EngineSnapshot.MetricActivity> metrics = new ArrayList<>();
            st.metrics.forEach((name, m) -> metrics.add(new EngineSnapshot.MetricActivity(name, m.lastArrival,
                    m.lastReadingTime, List.copyOf(m.intervalsSeconds))));
            stations.add(new EngineSnapshot.Station(st.station, st.profile, st.status, st.firstHeard, st.lastHeard, metrics));
        }
        return new EngineSnapshot(EngineSnapshot.VERSION, now, active, tracks, stations);
    }

    static void restore(AlertEngine engine, EngineSnapshot snapshot, Instant now) {
        if (snapshot.version() != EngineSnapshot.VERSION) {
            throw new IllegalArgumentException("engine snapshot version " + snapshot.version() + " is not " + EngineSnapshot.VERSION);
        }
        for (EngineSnapshot.Station s : snapshot.stations()) {
            StationActivity st = engine.activity(s.station());
            st.profile = s.profile();
            st.status = s.status();
            st.firstHeard = graced(s.firstHeard(), now);
            st.lastHeard = graced(s.lastHeard(), now);
            for (EngineSnapshot.MetricActivity m : s.metrics()) {
                StationActivity.MetricActivity activity = new StationActivity.MetricActivity();
                activity.lastArrival = graced(m.lastArrival(), now);
                activity.lastReadingTime = m.lastReadingTime();
                activity.intervalsSeconds.addAll(m.intervalsSeconds());
                st.metrics.put(m.metric(), activity);
            }
        }
        Map<String, Alert> activeById = new LinkedHashMap<>();
        snapshot.activeAlerts().forEach(a -> activeById.put(a.id(), a));
        for (EngineSnapshot.Track s : snapshot.tracks()) {
            ConditionTrack t = engine.track(new AlertKey(s.ruleId(), s.station(), s.metric()));
            t.samples.addAll(s.samples());
            Alert alert = s.alertId() == null ? null : activeById.get(s.alertId());
            if (s.alertId() != null && alert == null) {
                continue; // resolved after this state was stored: wait for fresh evidence before raising again
            }
            t.latched = s.latched();
            t.since = s.since();
            t.value = s.value();
            t.valueTime = s.valueTime();
            t.worst = s.worst();
            t.description = s.description();
            t.alert = alert;
        }
        for (Alert a : activeById.values()) {
            ConditionTrack t = engine.track(a.key());
            if (t.alert == null) {
                t.latched = true;
                t.since = a.conditionSince();
                t.value = a.triggerValue();
                t.valueTime = a.triggerReadingTime();
                t.worst = a.worstValue();
                t.description = a.message();
                t.alert = a;
            }
            engine.activeById.put(a.id(), a.key());
            engine.activity(a.station());
        }
    }

    private static Instant graced(Instant time, Instant now) {
        return time == null || time.isAfter(now) ? time : now;
    }

}
