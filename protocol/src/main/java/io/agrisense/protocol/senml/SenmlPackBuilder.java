package io.agrisense.protocol.senml;

import io.agrisense.protocol.StationId;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a compact pack for one station: the first record carries the base name {@code urn:dev:agri:<id>:} and a
 * whole-second base time; every record names its metric and gives its time relative to the base in milliseconds.
 */
public final class SenmlPackBuilder {

    private final String baseName;
    private final List<Entry> entries = new ArrayList<>();

    private record Entry(String name, String unit, double time, Double value, String text, Boolean flag) {
    }

    private SenmlPackBuilder(String baseName) {
        this.baseName = baseName;
    }

    public static SenmlPackBuilder forStation(StationId station) {
        return new SenmlPackBuilder(station.baseName());
    }

    /** A numeric reading; {@code epochSeconds} is absolute time, {@code unit} may be null. */
    public SenmlPackBuilder add(String metric, String unit, double epochSeconds, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(metric + ": cannot pack the non-finite value " + value);
        }
        entries.add(new Entry(metric, unit, epochSeconds, value, null, null));
        return this;
    }

    public SenmlPackBuilder addString(String name, double epochSeconds, String text) {
        entries.add(new Entry(name, null, epochSeconds, null, text, null));
        return this;
    }

    public SenmlPackBuilder addBoolean(String name, double epochSeconds, boolean flag) {
        entries.add(new Entry(name, null, epochSeconds, null, null, flag));
        return this;
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public List<SenmlRecord> build() {
        if (entries.isEmpty()) {
            throw new IllegalStateException("a pack needs at least one record");
        }
        double baseTime = Math.floor(entries.stream().mapToDouble(Entry::time).min().orElseThrow());
        List<SenmlRecord> pack = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            double offset = Math.round((e.time() - baseTime) * 1000d) / 1000d;
            Double t = offset == 0 ? null : offset;
            boolean first = pack.isEmpty();
            pack.add(new SenmlRecord(first ? baseName : null, first ? baseTime : null, null, null, null, null,
                    e.name(), e.unit(), e.value(), e.text(), e.flag(), null, null, t, null));
        }
        return pack;
    }
}
