package io.agrisense.platform.model.tracing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Warns stations downwind of a pollution episode (PM or O3) that is rising across several stations along the wind.
 * The episode counts when at least {@code minRisingStations} stations rose within the look-back and their rises came
 * in downwind order. A station not yet risen is warned when a risen station lies upwind of it: the bearing from that
 * station to it is within {@code sectorHalfWidth} of the downwind direction. The arrival is the upwind station's rise
 * plus the along-wind distance over the wind speed; the nearest upwind station along the wind gives it.
 */
public final class EpisodeWarning {

    /** The wind carrying the episode: direction it blows from (degrees) and speed (m/s), e.g. a regional 1-h mean. */
    public record Wind(double fromDegrees, double speedMps) {

        public Wind {
            if (!(fromDegrees >= 0 && fromDegrees <= 360) || !(speedMps >= 0) || Double.isInfinite(speedMps)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "wind from %s° at %s m/s: direction must be 0..360 and speed finite >= 0", fromDegrees, speedMps));
            }
        }

        double downwindDegrees() {
            return (fromDegrees + 180) % 360;
        }
    }

    public record Settings(OnsetDetector onset, Duration lookback, int minRisingStations, double sectorHalfWidthDegrees,
                           double maxDistanceKm) {

        public Settings {
            if (lookback.isNegative() || lookback.isZero() || minRisingStations < 2
                    || !(sectorHalfWidthDegrees > 0 && sectorHalfWidthDegrees <= 90) || !(maxDistanceKm > 0)) {
                throw new IllegalArgumentException("episode settings out of range: look-back > 0, at least 2 rising "
                        + "stations, sector half-width in (0, 90]°, distance > 0 km");
            }
        }
    }

    /**
     * @param upwindStation the risen station the arrival is reckoned from
     * @param alongWindKm   distance from it to this station along the wind
     */
    public record Warning(String station, Instant issuedAt, Instant expectedArrival, String upwindStation,
                          double alongWindKm, List<String> risingStations) {

        public Warning {
            risingStations = List.copyOf(risingStations);
        }
    }

    /**
     * @param rising        stations that rose within the look-back, with their onset
     * @param frontSpeedMps the speed of the front between the first and last rising stations along the wind, or NaN
     */
    public record Assessment(Map<String, Instant> rising, boolean episode, double frontSpeedMps, List<Warning> warnings,
                             List<String> notes) {

        public Assessment {
            rising = Collections.unmodifiableMap(new LinkedHashMap<>(rising));
            warnings = List.copyOf(warnings);
            notes = List.copyOf(notes);
        }
    }

    private EpisodeWarning() {
    }

    /** Evaluates the data available at {@code now}: buckets that ended by then. */
    public static Assessment evaluate(List<StationSeries> stations, Wind wind, Instant now, Settings settings) {
        List<String> notes = new ArrayList<>();
        Map<String, Instant> risingTimes = new LinkedHashMap<>();
        List<StationSeries> rising = new ArrayList<>();
        for (StationSeries s : stations) {
            int to = s.series().indexOf(now);
            int from = s.series().indexOf(now.minus(settings.lookback()));
            settings.onset().first(s.series(), from, to).ifPresent(o -> {
                rising.add(s);
                risingTimes.put(s.station(), o.time());
            });
        }
        if (rising.size() < settings.minRisingStations()) {
            notes.add(rising.size() + " station(s) rising; an episode needs " + settings.minRisingStations());
            return new Assessment(risingTimes, false, Double.NaN, List.of(), notes);
        }
        if (wind.speedMps() <= 0) {
            notes.add("calm: no wind to carry the episode");
            return new Assessment(risingTimes, false, Double.NaN, List.of(), notes);
        }
        GeoPoint origin = stations.get(0).position();
        double downwind = wind.downwindDegrees();
        rising.sort(Comparator.comparingDouble(s -> alongWindKm(origin, s.position(), downwind)));
        Duration step = rising.get(0).series().step();
        for (int k = 1; k < rising.size(); k++) {
            Instant earlier = risingTimes.get(rising.get(k - 1).station());
            Instant later = risingTimes.get(rising.get(k).station());
            if (later.plus(step).isBefore(earlier)) {
                notes.add(rising.get(k).station() + " rose before " + rising.get(k - 1).station() + ", which is upwind "
                        + "of it: the rises do not follow the wind");
                return new Assessment(risingTimes, false, Double.NaN, List.of(), notes);
            }
        }
        StationSeries head = rising.get(0);
        StationSeries tail = rising.get(rising.size() - 1);
        double frontKm = alongWindKm(origin, tail.position(), downwind) - alongWindKm(origin, head.position(), downwind);
        double frontSeconds = Duration.between(risingTimes.get(head.station()), risingTimes.get(tail.station())).toSeconds();
        double frontSpeed = frontSeconds > 0 && frontKm > 0 ? frontKm * 1000 / frontSeconds : Double.NaN;

        List<Warning> warnings = new ArrayList<>();
        List<String> risingNames = rising.stream().map(StationSeries::station).toList();
        for (StationSeries target : stations) {
            if (risingTimes.containsKey(target.station())) {
                continue;
            }
            double targetAlong = alongWindKm(origin, target.position(), downwind);
            StationSeries nearest = null;
            for (StationSeries source : rising) {
                double bearing = source.position().bearingDegrees(target.position());
                boolean downwindOfIt = GeoPoint.angleBetween(bearing, downwind) <= settings.sectorHalfWidthDegrees();
                boolean close = source.position().distanceKm(target.position()) <= settings.maxDistanceKm();
                if (downwindOfIt && close && alongWindKm(origin, source.position(), downwind) < targetAlong
                        && (nearest == null || alongWindKm(origin, source.position(), downwind)
                        > alongWindKm(origin, nearest.position(), downwind))) {
                    nearest = source;
                }
            }
            if (nearest != null) {
                double km = targetAlong - alongWindKm(origin, nearest.position(), downwind);
                Instant arrival = risingTimes.get(nearest.station()).plusMillis(Math.round(km * 1e6 / wind.speedMps()));
                warnings.add(new Warning(target.station(), now, arrival, nearest.station(), km, risingNames));
            }
        }
        return new Assessment(risingTimes, true, frontSpeed, warnings, notes);
    }

    /**
     * Position along the downwind direction, km, in a local plane around {@code origin} (equirectangular: fine over
     * the tens of kilometres a station network spans).
     */
    static double alongWindKm(GeoPoint origin, GeoPoint p, double downwindDegrees) {
        double kmPerDegree = Math.PI / 180 * GeoPoint.EARTH_RADIUS_KM;
        double east = (p.longitude() - origin.longitude()) * kmPerDegree * Math.cos(Math.toRadians(origin.latitude()));
        double north = (p.latitude() - origin.latitude()) * kmPerDegree;
        double d = Math.toRadians(downwindDegrees);
        return east * Math.sin(d) + north * Math.cos(d);
    }
}
