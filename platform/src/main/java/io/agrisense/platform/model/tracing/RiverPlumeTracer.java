package io.agrisense.platform.model.tracing;

import io.agrisense.platform.model.tracing.OnsetDetector.Onset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Follows a pollution plume down a river. Each station's series is searched for a rise ({@link OnsetDetector}); for
 * each reach between neighbouring stations where the lower station rose after the upper one, the travel time is the
 * lag that best correlates the two series (searched around distance / flow speed when the speed is known, within a
 * configured range when it is to be estimated from the data). A plume confirmed on a reach travelled it; the
 * discharge lies above the most upstream station the confirmed chain reaches: between it and the station above it,
 * which did not see it, at a time between the plume's passage there less the reach's travel time and that passage.
 */
public final class RiverPlumeTracer {

    /** A station with its chainage: distance along the river from a fixed origin, growing downstream, km. */
    public record RiverStation(String station, double chainageKm, RegularSeries series) {
    }

    /**
     * @param flowSpeedMps        the river's speed, or null to estimate it from the lags found
     * @param travelTimeTolerance relative half-width of the lag search around distance / speed (0.3 = ±30 %)
     * @param minLag              the shortest lag searched when the speed is estimated
     * @param maxLag              the longest lag searched when the speed is estimated
     * @param minCorrelation      the correlation a lag needs to confirm a reach
     */
    public record Settings(OnsetDetector onset, Double flowSpeedMps, double travelTimeTolerance, Duration minLag,
                           Duration maxLag, double minCorrelation) {

        public Settings {
            if (flowSpeedMps != null && !(flowSpeedMps > 0)) {
                throw new IllegalArgumentException("flow speed " + flowSpeedMps + " m/s must be positive");
            }
            if (!(travelTimeTolerance > 0 && travelTimeTolerance < 1) || minLag.isNegative() || maxLag.compareTo(minLag) < 0
                    || !(minCorrelation > 0 && minCorrelation <= 1)) {
                throw new IllegalArgumentException("tracer settings out of range: tolerance " + travelTimeTolerance
                        + " (0..1), lags " + minLag + ".." + maxLag + ", correlation " + minCorrelation + " (0..1]");
            }
        }

        /** The river's speed is known: lags are searched within ±tolerance of distance / speed. */
        public static Settings knownSpeed(OnsetDetector onset, double flowSpeedMps, double tolerance, double minCorrelation) {
            return new Settings(onset, flowSpeedMps, tolerance, Duration.ZERO, Duration.ZERO, minCorrelation);
        }

        /** The speed is to be estimated: lags are searched from minLag to maxLag. */
        public static Settings estimatedSpeed(OnsetDetector onset, Duration minLag, Duration maxLag, double minCorrelation) {
            return new Settings(onset, null, 0.5, minLag, maxLag, minCorrelation);
        }
    }

    /** A plume confirmed on a reach: it rose at the upper station, then at the lower one after the travel time. */
    public record Passage(String upstream, String downstream, double distanceKm, Instant upstreamOnset,
                          Instant downstreamOnset, Duration travelTime, Duration expectedTravelTime,
                          double correlation, double speedMps) {
    }

    /**
     * Where and when the discharge most likely happened.
     *
     * @param above     the station above the reach, which did not see the plume; null when the plume was already in
     *                  the river above the first station
     * @param below     the most upstream station that saw it
     * @param passedAt  when the plume reached {@code below}
     * @param earliest  the earliest discharge time (passage at {@code below} less the reach's travel time); null when
     *                  the reach is open above or the speed unknown
     * @param estimate  the middle of [earliest, passedAt]; null when earliest is
     * @param speedMps  the flow speed used (given or estimated), NaN when unknown
     */
    public record Discharge(String above, String below, Instant passedAt, Instant earliest, Instant estimate,
                            double speedMps) {
    }

    /** Passages found, the discharge, and why a reach was not confirmed. */
    public record Trace(List<Passage> passages, Optional<Discharge> discharge, List<String> notes) {

        public Trace {
            passages = List.copyOf(passages);
            notes = List.copyOf(notes);
        }
    }

    private RiverPlumeTracer() {
    }

    public static Trace trace(List<RiverStation> stations, Settings settings) {
        List<RiverStation> river = new ArrayList<>(stations);
        river.sort(Comparator.comparingDouble(RiverStation::chainageKm));
        for (int i = 1; i < river.size(); i++) {
            if (!river.get(i).series().sameGrid(river.get(0).series())) {
                throw new IllegalArgumentException("station " + river.get(i).station() + " is not on the grid of "
                        + river.get(0).station() + ": resample the series to one start, step and length");
            }
            if (river.get(i).chainageKm() == river.get(i - 1).chainageKm()) {
                throw new IllegalArgumentException("stations " + river.get(i - 1).station() + " and "
                        + river.get(i).station() + " have the same chainage");
            }
        }
        List<Optional<Onset>> onsets = river.stream().map(s -> settings.onset().first(s.series())).toList();
        List<Passage> passages = new ArrayList<>();
        Passage[] confirmed = new Passage[river.size()]; // confirmed[i]: reach from i - 1 to i
        List<String> notes = new ArrayList<>();
        for (int i = 1; i < river.size(); i++) {
            if (onsets.get(i - 1).isPresent() && onsets.get(i).isPresent()) {
                Optional<Passage> p = passage(river.get(i - 1), river.get(i), onsets.get(i - 1).get(),
                        onsets.get(i).get(), settings, notes);
                p.ifPresent(passages::add);
                confirmed[i] = p.orElse(null);
            }
        }
        return new Trace(passages, discharge(river, onsets, confirmed, settings), notes);
    }

    private static Optional<Passage> passage(RiverStation up, RiverStation down, Onset upOnset, Onset downOnset,
                                             Settings settings, List<String> notes) {
        String reach = up.station() + " -> " + down.station();
        if (!downOnset.time().isAfter(upOnset.time())) {
            notes.add(reach + ": the lower station rose first (" + downOnset.time() + " before " + upOnset.time() + ")");
            return Optional.empty();
        }
        double distanceKm = down.chainageKm() - up.chainageKm();
        double stepSeconds = up.series().step().toNanos() / 1e9;
        Duration expected = null;
        int minSteps;
        int maxSteps;
        if (settings.flowSpeedMps() != null) {
            double seconds = distanceKm * 1000 / settings.flowSpeedMps();
            expected = Duration.ofMillis(Math.round(seconds * 1000));
            minSteps = (int) Math.floor(seconds * (1 - settings.travelTimeTolerance()) / stepSeconds);
            maxSteps = (int) Math.ceil(seconds * (1 + settings.travelTimeTolerance()) / stepSeconds);
        } else {
            minSteps = (int) Math.floor(settings.minLag().toNanos() / 1e9 / stepSeconds);
            maxSteps = (int) Math.ceil(settings.maxLag().toNanos() / 1e9 / stepSeconds);
        }
        int from = Math.max(0, upOnset.index() - settings.onset().baseline());
        int minPairs = Math.max(settings.onset().baseline(), 2 * settings.onset().sustain());
        Optional<LagSearch.Lag> lag = LagSearch.best(up.series().values(), down.series().values(), from,
                Math.max(1, minSteps), maxSteps, minPairs);
        if (lag.isEmpty()) {
            notes.add(reach + ": too few overlapping values to correlate");
            return Optional.empty();
        }
        LagSearch.Lag best = lag.get();
        if (best.correlation() < settings.minCorrelation()) {
            notes.add(String.format(Locale.ROOT, "%s: best correlation %.2f is below %.2f", reach, best.correlation(),
                    settings.minCorrelation()));
            return Optional.empty();
        }
        if (best.atEdge()) {
            notes.add(reach + ": the best lag is at the end of the searched range, not at the expected travel time");
            return Optional.empty();
        }
        double travelSeconds = best.lagSteps() * stepSeconds;
        return Optional.of(new Passage(up.station(), down.station(), distanceKm, upOnset.time(), downOnset.time(),
                Duration.ofMillis(Math.round(travelSeconds * 1000)), expected, best.correlation(),
                distanceKm * 1000 / travelSeconds));
    }

    private static Optional<Discharge> discharge(List<RiverStation> river, List<Optional<Onset>> onsets,
                                                 Passage[] confirmed, Settings settings) {
        int last = -1;
        for (int i = 0; i < river.size(); i++) {
            if (onsets.get(i).isPresent()) {
                last = i;
            }
        }
        if (last < 0) {
            return Optional.empty();
        }
        int first = last;
        double speedSum = 0;
        int speeds = 0;
        while (first > 0 && confirmed[first] != null) {
            speedSum += confirmed[first].speedMps();
            speeds++;
            first--;
        }
        double speed = settings.flowSpeedMps() != null ? settings.flowSpeedMps() : speeds > 0 ? speedSum / speeds : Double.NaN;
        Instant passedAt = onsets.get(first).orElseThrow().time();
        if (first == 0 || Double.isNaN(speed)) {
            return Optional.of(new Discharge(first == 0 ? null : river.get(first - 1).station(),
                    river.get(first).station(), passedAt, null, null, speed));
        }
        double reachSeconds = (river.get(first).chainageKm() - river.get(first - 1).chainageKm()) * 1000 / speed;
        Instant earliest = passedAt.minusMillis(Math.round(reachSeconds * 1000));
        Instant estimate = passedAt.minusMillis(Math.round(reachSeconds * 500));
        return Optional.of(new Discharge(river.get(first - 1).station(), river.get(first).station(), passedAt,
                earliest, estimate, speed));
    }
}
