package io.agrisense.bench.codec;

import io.agrisense.protocol.Metric;
import io.agrisense.protocol.MetricCatalogue;
import io.agrisense.protocol.StationId;
import io.agrisense.protocol.senml.SenmlPackBuilder;
import io.agrisense.protocol.senml.SenmlRecord;
import java.util.List;

/** A station's pack as the agent sends it: measured metrics from the catalogue in turn, mid-range values, 1 s apart. */
final class StationPacks {

    private StationPacks() {
    }

    static List<SenmlRecord> pack(StationId station, int readings, long startEpochSeconds) {
        List<Metric> measured = MetricCatalogue.all().stream().filter(m -> m.origin() == Metric.Origin.MEASURED).toList();
        SenmlPackBuilder builder = SenmlPackBuilder.forStation(station);
        for (int i = 0; i < readings; i++) {
            Metric metric = measured.get(i % measured.size());
            double value = Math.round((metric.min() + (metric.max() - metric.min()) * (0.25 + 0.5 * ((i * 37) % 100) / 100.0)) * 100) / 100.0;
            builder.add(metric.name(), metric.unit(), startEpochSeconds + i / measured.size() + (i % 10) * 0.1, value);
        }
        return builder.build();
    }
}
