package io.agrisense.bench.ingest;

import io.agrisense.protocol.MetricCatalogue;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.Senml;
import io.agrisense.protocol.senml.SenmlFormat;
import io.agrisense.protocol.senml.SenmlPackBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which readings the load generator sends, as a pure function of (station, pack number), so that every phase sends
 * the same packs and any reading that comes back can be traced to the pack that carried it.
 *
 * <p>Each station samples its {@link #METRICS} in rounds, one round per millisecond of station time from
 * {@code originMillis}; reading number {@code g} of a station is metric {@code g % m} of round {@code g / m}, and pack
 * {@code k} carries readings {@code k*R .. k*R+R-1}. Every (station, metric, time) key is therefore distinct, so the
 * platform stores each reading once and deduplicates nothing.
 */
final class PackSchedule {

    /** A catalogue metric with a benign band inside its plausible range, so no value is rejected or alarming. */
    record BenchMetric(String name, String unit, double low, double high) {
    }

    /** A greenhouse-like station; no alert rule applies to a station without a profile, none fires. */
    static final List<BenchMetric> METRICS = List.of(
            metric(MetricCatalogue.AIR_TEMPERATURE, 15, 28),
            metric(MetricCatalogue.RELATIVE_HUMIDITY, 45, 75),
            metric(MetricCatalogue.AIR_PRESSURE, 99_000, 102_000),
            metric(MetricCatalogue.SOIL_MOISTURE, 25, 45),
            metric(MetricCatalogue.SOIL_TEMPERATURE, 14, 22),
            metric(MetricCatalogue.ILLUMINANCE, 1_000, 40_000),
            metric(MetricCatalogue.CO2, 400, 900),
            metric(MetricCatalogue.BATTERY_VOLTAGE, 12.2, 13.4));

    /** One reading, as the raw PostgreSQL phase inserts it. */
    record Row(String station, String metric, long epochMillis, double value) {
    }

    private final String stationPrefix;
    private final int stations;
    private final int readingsPerPack;
    private final long originMillis;
    private final List<StationId> ids;

    PackSchedule(String stationPrefix, int stations, int readingsPerPack, long originMillis) {
        if (stations < 1 || readingsPerPack < 1) {
            throw new IllegalArgumentException("need at least one station and one reading per pack");
        }
        this.stationPrefix = stationPrefix;
        this.stations = stations;
        this.readingsPerPack = readingsPerPack;
        this.originMillis = originMillis;
        this.ids = new ArrayList<>(stations);
        for (int i = 0; i < stations; i++) {
            ids.add(StationId.of(String.format(Locale.ROOT, "%s-%05d", stationPrefix, i)));
        }
    }

    int stations() {
        return stations;
    }

    int readingsPerPack() {
        return readingsPerPack;
    }

    String stationPrefix() {
        return stationPrefix;
    }

    String stationId(int station) {
        return ids.get(station).value();
    }

    /** The station's index, or -1 when the id is not one of this schedule's. */
    int stationIndex(String id) {
        if (id == null || id.length() != stationPrefix.length() + 6 || !id.startsWith(stationPrefix)
                || id.charAt(stationPrefix.length()) != '-') {
            return -1;
        }
        try {
            int i = Integer.parseInt(id, stationPrefix.length() + 1, id.length(), 10);
            return i < stations ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The SenML JSON pack {@code seq} of a station, encoded by the product's own codec as the edge agent does. */
    byte[] pack(int station, long seq) {
        SenmlPackBuilder builder = SenmlPackBuilder.forStation(ids.get(station));
        for (Row r : rows(station, seq)) {
            BenchMetric m = METRICS.get(metricIndex(r.metric()));
            builder.add(r.metric(), m.unit(), r.epochMillis() / 1000.0, r.value());
        }
        return Senml.encode(builder.build(), SenmlFormat.JSON);
    }

    /** The readings of pack {@code seq} of a station, in pack order. */
    List<Row> rows(int station, long seq) {
        List<Row> rows = new ArrayList<>(readingsPerPack);
        String id = stationId(station);
        long first = seq * readingsPerPack;
        for (long g = first; g < first + readingsPerPack; g++) {
            int metric = (int) (g % METRICS.size());
            long round = g / METRICS.size();
            rows.add(new Row(id, METRICS.get(metric).name(), originMillis + round, value(station, metric, round)));
        }
        return rows;
    }

    /** Reading number {@code g} of its station for a stored (metric, time), or -1 when no reading of ours has them. */
    long readingNumber(String metric, long epochMillis) {
        int m = metricIndex(metric);
        long round = epochMillis - originMillis;
        return m < 0 || round < 0 ? -1 : round * METRICS.size() + m;
    }

    /** The pack that carries reading number {@code g}. */
    long packOf(long readingNumber) {
        return readingNumber / readingsPerPack;
    }

    /** Whether reading number {@code g} is the first of its pack (used to time each pack once). */
    boolean firstOfPack(long readingNumber) {
        return readingNumber % readingsPerPack == 0;
    }

    /** A smooth, deterministic value inside the metric's benign band. */
    static double value(int station, int metric, long round) {
        BenchMetric m = METRICS.get(metric);
        double phase = Math.sin(round / 500.0 + station * 0.37 + metric);
        double v = m.low() + (m.high() - m.low()) * (0.5 + 0.45 * phase);
        return Math.round(v * 100) / 100.0;
    }

    static int metricIndex(String name) {
        for (int i = 0; i < METRICS.size(); i++) {
            if (METRICS.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    static List<String> metricNames() {
        return METRICS.stream().map(BenchMetric::name).toList();
    }

    private static BenchMetric metric(String name, double low, double high) {
        return new BenchMetric(name, MetricCatalogue.require(name).unit(), low, high);
    }
}
